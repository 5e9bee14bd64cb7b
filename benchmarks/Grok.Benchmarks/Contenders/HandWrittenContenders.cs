using System;
using System.Net.Http;
using System.Threading.Tasks;
using Grok.Benchmarks.Server;
using Grok.Chat;
using Grok.Responses;

namespace Grok.Benchmarks.Contenders;

/// <summary>The hand-written client over Grok's wire models (<see cref="GrokJsonContext"/>).</summary>
internal sealed class HandWrittenContender : Contender
{
    public override string Name => HandWritten;

    public override bool Supports(Scenario scenario) => true;

    public override Func<Task<int>> Prepare(Scenario scenario, Uri baseAddress)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        if (scenario.IsResponses())
        {
            var responses = new HandWrittenClient<ResponseRequest, GrokResponse, ResponseStreamEvent>(
                http, PrecomputedServer.ApiKey, GrokJsonContext.Default.ResponseRequest, GrokJsonContext.Default.GrokResponse, GrokJsonContext.Default.ResponseStreamEvent);
            if (scenario == Scenario.ResponsesPlain)
            {
                return async () => (await responses.SendAsync("responses", Requests.Response).ConfigureAwait(false)).OutputText.Length;
            }

            return async () =>
            {
                var count = 0;
                await foreach (var item in responses.StreamAsync("responses", Requests.Response with { Stream = true }).ConfigureAwait(false))
                {
                    count += CountDeltas(item);
                }

                return count;
            };
        }

        var client = new HandWrittenClient<ChatCompletionRequest, ChatCompletion, ChatCompletionChunk>(
            http, PrecomputedServer.ApiKey, GrokJsonContext.Default.ChatCompletionRequest, GrokJsonContext.Default.ChatCompletion, GrokJsonContext.Default.ChatCompletionChunk);
        var request = Requests.Chat;
        if (scenario == Scenario.Plain)
        {
            return async () => (await client.SendAsync("chat/completions", request).ConfigureAwait(false)).Content!.Length;
        }

        return async () =>
        {
            var count = 0;
            await foreach (var chunk in client.StreamAsync("chat/completions", request with { Stream = true }).ConfigureAwait(false))
            {
                count += chunk.Content?.Length ?? 0;
            }

            return count;
        };
    }
}

/// <summary>The hand-written client over the minimal models (<see cref="MinimalJsonContext"/>).</summary>
internal sealed class HandWrittenMinimalContender : Contender
{
    public override string Name => HandWrittenMinimal;

    public override string BaselineFor(Scenario scenario) => HandWrittenMinimal;

    public override bool Supports(Scenario scenario) => scenario != Scenario.ResponsesPlain;

    public override Func<Task<int>> Prepare(Scenario scenario, Uri baseAddress)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        if (scenario == Scenario.Responses200)
        {
            var responses = new HandWrittenClient<MinResponseRequest, MinResponseEvent, MinResponseEvent>(
                http, PrecomputedServer.ApiKey, MinimalJsonContext.Default.MinResponseRequest, MinimalJsonContext.Default.MinResponseEvent, MinimalJsonContext.Default.MinResponseEvent);
            var streamed = Requests.MinimalResponse with { Stream = true };
            return async () =>
            {
                var count = 0;
                await foreach (var item in responses.StreamAsync("responses", streamed).ConfigureAwait(false))
                {
                    count += item.Type == "response.output_text.delta" ? item.Delta?.Length ?? 0 : 0;
                }

                return count;
            };
        }

        var client = new HandWrittenClient<MinQuestion, MinAnswer, MinAnswer>(
            http, PrecomputedServer.ApiKey, MinimalJsonContext.Default.MinQuestion, MinimalJsonContext.Default.MinAnswer, MinimalJsonContext.Default.MinAnswer);
        var request = Requests.MinimalChat;
        if (scenario == Scenario.Plain)
        {
            return async () => (await client.SendAsync("chat/completions", request).ConfigureAwait(false)).Choices[0].Message!.Content!.Length;
        }

        return async () =>
        {
            var count = 0;
            await foreach (var chunk in client.StreamAsync("chat/completions", request with { Stream = true }).ConfigureAwait(false))
            {
                count += chunk.Choices.Count > 0 ? chunk.Choices[0].Delta?.Content?.Length ?? 0 : 0;
            }

            return count;
        };
    }
}
