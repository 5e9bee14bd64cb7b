using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Threading.Tasks;
using Grok.Chat;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Grok.Benchmarks.Server;

/// <summary>
/// The benchmark's server, run in a process of its own (<c>--serve</c>): Kestrel on 127.0.0.1 answering every request
/// with bytes computed once at start, so its cost per request is near zero and the same for every client. The chat
/// and Responses bodies are the emulator's own answers, captured from <see cref="GrokEmulator"/> at start.
/// </summary>
/// <remarks>
/// The first path segment (the scenario) and the endpoint pick the answer: <c>/plain/v1/chat/completions</c> (a short
/// completion), <c>/c200/v1/chat/completions</c> and <c>/c2000/v1/chat/completions</c> (chat streams of that many
/// content chunks), <c>/rplain/v1/responses</c> (a short Responses answer), <c>/r200/v1/responses</c> (a Responses
/// stream with 200 words of text deltas); anything else is 404. A stream path answers 400 unless the body asks
/// for <c>"stream":true</c>, and every path answers 401 without a bearer key, so a contender that skips either fails.
/// </remarks>
internal static class PrecomputedServer
{
    public const string ApiKey = "bench-key";

    public static async Task<int> RunAsync()
    {
        var answers = await CaptureAnswersAsync().ConfigureAwait(false);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
        });
        await using var app = builder.Build();
        app.Run(context => AnswerAsync(context, answers));
        await app.StartAsync().ConfigureAwait(false);

        // The parent reads this line for the address, then closes our stdin to stop us.
        Console.WriteLine("LISTENING " + app.Urls.First().TrimEnd('/') + "/");
        Console.Out.Flush();
        await Console.In.ReadToEndAsync().ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        return 0;
    }

    private static async Task AnswerAsync(HttpContext context, Dictionary<string, Answer> answers)
    {
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 401;
            return;
        }

        // "/plain/v1/chat/completions" -> "plain chat/completions"
        var path = context.Request.Path.Value ?? "";
        var slash = path.IndexOf('/', 1);
        var key = slash > 0 && path.AsSpan(slash).StartsWith("/v1/") ? path[1..slash] + " " + path[(slash + 4)..] : "";
        if (!answers.TryGetValue(key, out var answer))
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (answer.Streamed && !Contains(body, "\"stream\":true"u8))
        {
            context.Response.StatusCode = 400;
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = answer.ContentType;
        if (!answer.Streamed)
        {
            context.Response.ContentLength = answer.Bytes.Length;
        }

        await context.Response.Body.WriteAsync(answer.Bytes).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync().ConfigureAwait(false);
            if (result.IsCompleted)
            {
                var bytes = result.Buffer.ToArray();
                reader.AdvanceTo(result.Buffer.End);
                return bytes;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    private static bool Contains(byte[] body, ReadOnlySpan<byte> value)
    {
        // Compact JSON from every contender; tolerate a space after the colon too.
        if (body.AsSpan().IndexOf(value) >= 0)
        {
            return true;
        }

        return Encoding.UTF8.GetString(body).Replace(" ", "", StringComparison.Ordinal).Contains("\"stream\":true", StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, Answer>> CaptureAnswersAsync()
    {
        await using var emulator = await GrokEmulator.StartAsync().ConfigureAwait(false);
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", emulator.ApiKey);

        async Task<byte[]> CaptureAsync(int words, bool stream)
        {
            var request = new ChatCompletionRequest
            {
                Model = "grok-4",
                Messages = [ChatMessage.User(string.Join(' ', Enumerable.Range(0, words).Select(i => "word" + i)))],
                Stream = stream ? true : null,
                StreamOptions = stream ? new StreamOptions { IncludeUsage = true } : null,
            };
            using var response = await http.PostAsync("chat/completions", JsonContent.Create(request, GrokJsonContext.Default.ChatCompletionRequest)).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        }

        async Task<byte[]> CaptureResponsesAsync(int words, bool stream)
        {
            var request = new Grok.Responses.ResponseRequest
            {
                Model = "grok-4",
                Input = string.Join(' ', Enumerable.Range(0, words).Select(i => "word" + i)),
                Stream = stream ? true : null,
            };
            using var response = await http.PostAsync("responses", JsonContent.Create(request, GrokJsonContext.Default.ResponseRequest)).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        }

        return new Dictionary<string, Answer>(StringComparer.Ordinal)
        {
            ["plain chat/completions"] = new(await CaptureAsync(Scenarios.PlainWords, stream: false).ConfigureAwait(false), "application/json", Streamed: false),
            ["c200 chat/completions"] = new(await CaptureAsync(200, stream: true).ConfigureAwait(false), "text/event-stream", Streamed: true),
            ["c2000 chat/completions"] = new(await CaptureAsync(2000, stream: true).ConfigureAwait(false), "text/event-stream", Streamed: true),
            ["rplain responses"] = new(await CaptureResponsesAsync(Scenarios.PlainWords, stream: false).ConfigureAwait(false), "application/json", Streamed: false),
            ["r200 responses"] = new(await CaptureResponsesAsync(200, stream: true).ConfigureAwait(false), "text/event-stream", Streamed: true),
        };
    }

    private sealed record Answer(byte[] Bytes, string ContentType, bool Streamed);
}
