using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
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
/// bodies are the emulator's own answers (captured from <see cref="GrokEmulator"/> at start); the Responses stream is
/// written here in xAI's named-event shape.
/// </summary>
/// <remarks>
/// The first path segment picks the answer: <c>/plain/v1/chat/completions</c> (a short completion),
/// <c>/c200/v1/chat/completions</c> and <c>/c2000/v1/chat/completions</c> (chat streams of that many content chunks),
/// <c>/r200/v1/responses</c> (a Responses stream of 200 text deltas). A stream path answers 400 unless the body asks
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
        var path = context.Request.Path.Value ?? "";
        var slash = path.IndexOf('/', 1);
        var prefix = slash > 0 ? path[1..slash] : "";
        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 401;
            return;
        }

        if (!answers.TryGetValue(prefix, out var answer))
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

        return new Dictionary<string, Answer>(StringComparer.Ordinal)
        {
            ["plain"] = new(await CaptureAsync(Scenarios.PlainWords, stream: false).ConfigureAwait(false), "application/json", Streamed: false),
            ["c200"] = new(await CaptureAsync(200, stream: true).ConfigureAwait(false), "text/event-stream", Streamed: true),
            ["c2000"] = new(await CaptureAsync(2000, stream: true).ConfigureAwait(false), "text/event-stream", Streamed: true),
            ["r200"] = new(ResponsesStream(200), "text/event-stream", Streamed: true),
        };
    }

    /// <summary>A Responses stream: created, the message item and its part, <paramref name="deltas"/> text deltas, the done events, completed.</summary>
    private static byte[] ResponsesStream(int deltas)
    {
        var text = new StringBuilder();
        var sequence = 0;
        void Event(string type, string json) => text.Append("event: ").Append(type).Append("\ndata: {\"type\":\"").Append(type)
            .Append("\",\"sequence_number\":").Append(sequence++.ToString(CultureInfo.InvariantCulture)).Append(json).Append("}\n\n");

        const string Response = "\"id\":\"resp_bench\",\"object\":\"response\",\"created_at\":1764000000,\"model\":\"grok-4\"";
        Event("response.created", ",\"response\":{" + Response + ",\"status\":\"in_progress\",\"output\":[]}");
        Event("response.in_progress", ",\"response\":{" + Response + ",\"status\":\"in_progress\",\"output\":[]}");
        Event("response.output_item.added", ",\"output_index\":0,\"item\":{\"id\":\"msg_bench\",\"type\":\"message\",\"role\":\"assistant\",\"status\":\"in_progress\",\"content\":[]}");
        Event("response.content_part.added", ",\"item_id\":\"msg_bench\",\"output_index\":0,\"content_index\":0,\"part\":{\"type\":\"output_text\",\"text\":\"\",\"annotations\":[]}");
        var words = new StringBuilder();
        for (var i = 0; i < deltas; i++)
        {
            var word = (i == 0 ? "" : " ") + "word" + i.ToString(CultureInfo.InvariantCulture);
            words.Append(word);
            Event("response.output_text.delta", ",\"item_id\":\"msg_bench\",\"output_index\":0,\"content_index\":0,\"delta\":\"" + word + "\"");
        }

        var all = words.ToString();
        Event("response.output_text.done", ",\"item_id\":\"msg_bench\",\"output_index\":0,\"content_index\":0,\"text\":\"" + all + "\"");
        var message = "{\"id\":\"msg_bench\",\"type\":\"message\",\"role\":\"assistant\",\"status\":\"completed\",\"content\":[{\"type\":\"output_text\",\"text\":\"" + all + "\",\"annotations\":[]}]}";
        Event("response.output_item.done", ",\"output_index\":0,\"item\":" + message);
        Event("response.completed", ",\"response\":{" + Response + ",\"status\":\"completed\",\"output\":[" + message + "],\"usage\":{\"input_tokens\":8,\"output_tokens\":" + deltas.ToString(CultureInfo.InvariantCulture) + ",\"total_tokens\":" + (deltas + 8).ToString(CultureInfo.InvariantCulture) + "}}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private sealed record Answer(byte[] Bytes, string ContentType, bool Streamed);
}
