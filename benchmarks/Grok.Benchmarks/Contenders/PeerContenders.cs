using System;
using System.ClientModel;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Grok.Benchmarks.Server;
using Grok.Chat;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Responses;
using Refit;
using ChatCompletion = Grok.Chat.ChatCompletion;

namespace Grok.Benchmarks.Contenders;

/// <summary>Refit's own generated client (Refit's source generator runs in this project) over Grok's wire models.</summary>
public interface IRefitChat
{
    /// <summary>A plain chat call.</summary>
    [Post("/chat/completions")]
    Task<ChatCompletion> CompleteAsync([Body] ChatCompletionRequest request, CancellationToken cancellationToken = default);

    /// <summary>A streamed chat call: the response, read with <see cref="SseParser"/>.</summary>
    [Post("/chat/completions")]
    Task<HttpResponseMessage> StreamAsync([Body] ChatCompletionRequest request, CancellationToken cancellationToken = default);

    /// <summary>A plain Responses call.</summary>
    [Post("/responses")]
    Task<Grok.Responses.GrokResponse> CreateResponseAsync([Body] Grok.Responses.ResponseRequest request, CancellationToken cancellationToken = default);

    /// <summary>A streamed Responses call.</summary>
    [Post("/responses")]
    Task<HttpResponseMessage> RespondAsync([Body] Grok.Responses.ResponseRequest request, CancellationToken cancellationToken = default);
}

/// <summary>Refit 16.4: <c>RestService.For</c> with its generated <see cref="IRefitChat"/>, and <see cref="SseParser"/> for streams.</summary>
internal sealed class RefitContender : Contender
{
    public override string Name => "Refit 16.4";

    public override bool Supports(Scenario scenario) => true;

    public override Func<Task<int>> Prepare(Scenario scenario, Uri baseAddress)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PrecomputedServer.ApiKey);
        var refit = RestService.For<IRefitChat>(http, new RefitSettings(new SystemTextJsonContentSerializer(GrokJson.DefaultOptions)));
        if (scenario == Scenario.ResponsesPlain)
        {
            return async () => (await refit.CreateResponseAsync(Requests.Response).ConfigureAwait(false)).OutputText.Length;
        }

        if (scenario == Scenario.Responses200)
        {
            return async () =>
            {
                using var response = await refit.RespondAsync(Requests.Response with { Stream = true }).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                var count = 0;
                var parser = SseParser.Create(body, static (_, data) => data.SequenceEqual("[DONE]"u8) ? null : JsonSerializer.Deserialize(data, GrokJsonContext.Default.ResponseStreamEvent));
                await foreach (var item in parser.EnumerateAsync().ConfigureAwait(false))
                {
                    if (item.Data is null)
                    {
                        break;
                    }

                    count += CountDeltas(item.Data);
                }

                return count;
            };
        }

        if (scenario == Scenario.Plain)
        {
            return async () => (await refit.CompleteAsync(Requests.Chat).ConfigureAwait(false)).Content!.Length;
        }

        return async () =>
        {
            using var response = await refit.StreamAsync(Requests.Chat with { Stream = true }).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var count = 0;
            var parser = SseParser.Create(body, static (_, data) => data.SequenceEqual("[DONE]"u8) ? null : JsonSerializer.Deserialize(data, GrokJsonContext.Default.ChatCompletionChunk));
            await foreach (var item in parser.EnumerateAsync().ConfigureAwait(false))
            {
                if (item.Data is null)
                {
                    break;
                }

                count += item.Data.Content?.Length ?? 0;
            }

            return count;
        };
    }
}

/// <summary>The OpenAI .NET SDK 2.15 pointed at the server (its defaults: retries, network timeout).</summary>
internal sealed class OpenAIContender : Contender
{
    public override string Name => "OpenAI .NET 2.15";

    public override bool Supports(Scenario scenario) => true;

    public override Func<Task<int>> Prepare(Scenario scenario, Uri baseAddress)
    {
        var options = new OpenAIClientOptions { Endpoint = baseAddress };
        var credential = new ApiKeyCredential(PrecomputedServer.ApiKey);
        if (scenario == Scenario.ResponsesPlain)
        {
            var plain = new ResponsesClient(credential, new ResponsesClientOptions { Endpoint = baseAddress });
            return async () => (await plain.CreateResponseAsync(Requests.Model, Requests.Prompt).ConfigureAwait(false)).Value.GetOutputText().Length;
        }

        if (scenario == Scenario.Responses200)
        {
            var responses = new ResponsesClient(credential, new ResponsesClientOptions { Endpoint = baseAddress });
            return async () =>
            {
                var count = 0;
                IAsyncEnumerable<StreamingResponseUpdate> stream = await responses.CreateResponseStreamingAsync(Requests.Model, Requests.Prompt).ConfigureAwait(false);
                await foreach (var update in stream.ConfigureAwait(false))
                {
                    if (update is StreamingResponseOutputTextDeltaUpdate delta)
                    {
                        count += delta.Delta.Length;
                    }
                }

                return count;
            };
        }

        var chat = new ChatClient(Requests.Model, credential, options);
        OpenAI.Chat.ChatMessage[] messages = [new UserChatMessage(Requests.Prompt)];
        if (scenario == Scenario.Plain)
        {
            return async () => (await chat.CompleteChatAsync(messages).ConfigureAwait(false)).Value.Content[0].Text.Length;
        }

        return async () =>
        {
            var count = 0;
            await foreach (var update in chat.CompleteChatStreamingAsync(messages).ConfigureAwait(false))
            {
                count += update.ContentUpdate.Count > 0 ? update.ContentUpdate[0].Text.Length : 0;
            }

            return count;
        };
    }
}

/// <summary>Microsoft.Extensions.AI over the OpenAI SDK: <c>chatClient.AsIChatClient()</c> (Microsoft.Extensions.AI.OpenAI 10.11).</summary>
internal sealed class OpenAIChatClientContender : Contender
{
    public override string Name => "M.E.AI over OpenAI";

    // No Responses: Microsoft.Extensions.AI.OpenAI 10.11 is built against OpenAI 2.14, and its Responses adapter calls
    // a ResponsesClient.CreateResponseStreamingAsync overload that OpenAI 2.15 no longer has (MissingMethodException).
    public override bool Supports(Scenario scenario) => scenario.IsChat();

    public override Func<Task<int>> Prepare(Scenario scenario, Uri baseAddress)
    {
        var chat = new ChatClient(Requests.Model, new ApiKeyCredential(PrecomputedServer.ApiKey), new OpenAIClientOptions { Endpoint = baseAddress });
        return ChatClientCalls.For(chat.AsIChatClient(), scenario);
    }
}
