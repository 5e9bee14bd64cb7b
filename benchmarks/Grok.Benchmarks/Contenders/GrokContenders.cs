using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Grok.Benchmarks.Server;
using Microsoft.Extensions.AI;

namespace Grok.Benchmarks.Contenders;

/// <summary>A user's own interface over minimal models, implemented by the Grok generator in this project.</summary>
public interface IBenchGrok
{
    /// <summary>A plain chat call.</summary>
    [GrokEndpoint("POST", "chat/completions")]
    Task<MinAnswer> AskAsync(MinQuestion question, CancellationToken cancellationToken = default);

    /// <summary>The chat call, streamed.</summary>
    [GrokEndpoint("POST", "chat/completions", Stream = true)]
    IAsyncEnumerable<MinAnswer> AskStreamingAsync(MinQuestion question, CancellationToken cancellationToken = default);

    /// <summary>A Responses call, streamed (named events; <c>response.completed</c> ends it).</summary>
    [GrokEndpoint("POST", "responses", Stream = true)]
    IAsyncEnumerable<MinResponseEvent> RespondStreamingAsync(MinResponseRequest request, CancellationToken cancellationToken = default);
}

/// <summary>Grok's options for the benchmark server, defaults otherwise (retries, timeouts, idle watch, telemetry checks).</summary>
internal static class GrokOptions
{
    public static GrokClientOptions For(Uri baseAddress) => new() { ApiKey = PrecomputedServer.ApiKey, BaseAddress = baseAddress };
}

/// <summary>The ready <see cref="IGrokClient"/>.</summary>
internal sealed class GrokReadyContender : Contender
{
    public override string Name => "ready IGrokClient";

    public override bool Supports(Scenario scenario) => true;

    public override Func<Task<int>> Prepare(Scenario scenario, Uri baseAddress)
    {
        var grok = GrokClient.Create<IGrokClient>(GrokOptions.For(baseAddress));
        if (scenario == Scenario.ResponsesPlain)
        {
            return async () => (await grok.CreateResponseAsync(Requests.Response).ConfigureAwait(false)).OutputText.Length;
        }

        if (scenario == Scenario.Responses200)
        {
            var response = Requests.Response;
            return async () =>
            {
                var count = 0;
                await foreach (var item in grok.StreamResponseAsync(response).ConfigureAwait(false))
                {
                    count += CountDeltas(item);
                }

                return count;
            };
        }

        var request = Requests.Chat;
        if (scenario == Scenario.Plain)
        {
            return async () => (await grok.CreateChatCompletionAsync(request).ConfigureAwait(false)).Content!.Length;
        }

        return async () =>
        {
            var count = 0;
            await foreach (var chunk in grok.StreamChatCompletionAsync(request).ConfigureAwait(false))
            {
                count += chunk.Content?.Length ?? 0;
            }

            return count;
        };
    }
}

/// <summary>A user [GrokEndpoint] interface over minimal models, with their own JSON context.</summary>
internal sealed class GrokUserInterfaceContender : Contender
{
    public override string Name => "user [GrokEndpoint] interface";

    public override string BaselineFor(Scenario scenario) => HandWrittenMinimal;

    public override bool Supports(Scenario scenario) => scenario != Scenario.ResponsesPlain;

    public override Func<Task<int>> Prepare(Scenario scenario, Uri baseAddress)
    {
        var options = GrokOptions.For(baseAddress);
        options.JsonSerializerOptions = GrokJson.CreateOptions(MinimalJsonContext.Default);
        var grok = GrokClient.Create<IBenchGrok>(options);
        if (scenario == Scenario.Responses200)
        {
            var response = Requests.MinimalResponse;
            return async () =>
            {
                var count = 0;
                await foreach (var item in grok.RespondStreamingAsync(response).ConfigureAwait(false))
                {
                    count += item.Type == "response.output_text.delta" ? item.Delta?.Length ?? 0 : 0;
                }

                return count;
            };
        }

        var request = Requests.MinimalChat;
        if (scenario == Scenario.Plain)
        {
            return async () => (await grok.AskAsync(request).ConfigureAwait(false)).Choices[0].Message!.Content!.Length;
        }

        return async () =>
        {
            var count = 0;
            await foreach (var chunk in grok.AskStreamingAsync(request).ConfigureAwait(false))
            {
                count += chunk.Choices.Count > 0 ? chunk.Choices[0].Delta?.Content?.Length ?? 0 : 0;
            }

            return count;
        };
    }
}

/// <summary>Grok's Microsoft.Extensions.AI adapter, <c>grok.AsIChatClient()</c>, which speaks the Responses API.</summary>
internal sealed class GrokChatClientContender : Contender
{
    public override string Name => "Grok IChatClient (M.E.AI)";

    public override bool Supports(Scenario scenario) => scenario.IsResponses();

    public override Func<Task<int>> Prepare(Scenario scenario, Uri baseAddress)
    {
        var chat = GrokClient.Create<IGrokClient>(GrokOptions.For(baseAddress)).AsIChatClient(Requests.Model);
        return ChatClientCalls.For(chat, scenario);
    }
}

/// <summary>The same calls through any <see cref="IChatClient"/>.</summary>
internal static class ChatClientCalls
{
    public static Func<Task<int>> For(IChatClient chat, Scenario scenario)
    {
        ChatMessage[] messages = [new(ChatRole.User, Requests.Prompt)];
        if (scenario is Scenario.Plain or Scenario.ResponsesPlain)
        {
            return async () => (await chat.GetResponseAsync(messages).ConfigureAwait(false)).Text.Length;
        }

        return async () =>
        {
            var count = 0;
            await foreach (var update in chat.GetStreamingResponseAsync(messages).ConfigureAwait(false))
            {
                count += update.Text.Length;
            }

            return count;
        };
    }
}
