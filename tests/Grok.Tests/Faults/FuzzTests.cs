using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using Grok.Chat;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Grok.Tests.Faults;

/// <summary>
/// Property-based fuzzing with CsCheck through the real client over loopback: generated event streams (truncations,
/// random bytes, broken JSON, huge numbers, wrong types, nulls, duplicate keys, BOMs, CR-only line ends, comments,
/// missing [DONE], error events, Responses terminal events) and generated plain bodies (statuses, content types,
/// corrupt gzip). Every outcome must be a normal end or a documented exception. The cases come from a fixed seed, so
/// a run is reproducible; <c>GROK_FUZZ_ITERATIONS</c> sets how many streams (bodies: a fifth of that), <c>GROK_FUZZ_SEED</c>
/// another seed (docs/reliability.md).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int DefaultStreams = 600;
    private static readonly TimeSpan s_perCase = TimeSpan.FromSeconds(20);

    private static int Streams => int.TryParse(Environment.GetEnvironmentVariable("GROK_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : DefaultStreams;

    private static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("GROK_FUZZ_SEED"), out var s) ? s : 20261130UL;

    // JSON values an event's data or a plain body may carry: valid, nearly valid, and hostile.
    private static readonly Gen<string> s_json = Gen.OneOf(
        Gen.Const("""{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"hi "}}]}"""),
        Gen.String[0, 40].Select(text => JsonSerializer.Serialize(new { id = "c", choices = new[] { new { index = 0, delta = new { content = text } } } })),
        Gen.Const("""{"id":"c","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"f","arguments":"{\"a\":"}}]}}]}"""),
        Gen.Const("""{"id":"c","choices":[{"index":0,"delta":{"tool_calls":[null,{"index":null,"function":null}]}}]}"""),
        Gen.Const("""{"id":"c","choices":null}"""),
        Gen.Const("""{"id":"c","choices":[null]}"""),
        Gen.Const("""{"id":"c","choices":[{"index":0,"delta":null,"finish_reason":"stop"}]}"""),
        Gen.Const("""{"id":"c","choices":"many"}"""),
        Gen.Const("""{"id":"c","choices":[{"index":"zero"}]}"""),
        Gen.Const("""{"id":"c","created":99999999999999,"choices":[]}"""),
        Gen.Const("""{"id":"c","created":1e400,"choices":[]}"""),
        Gen.Const("""{"id":"c","choices":[{"index":99999999999999999999}]}"""),
        Gen.Const("""{"id":"c","usage":{"prompt_tokens":-1,"completion_tokens":9223372036854775807,"total_tokens":1e20},"choices":[]}"""),
        Gen.Const("""{"id":"a","id":"b","choices":[],"choices":[{"index":0,"delta":{"content":"dup"}}]}"""),
        Gen.Const("""{"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}"""),
        Gen.Const("""{"error":{"message":"boom","type":"server_error","code":"c"}}"""),
        Gen.Const("""{"code":"Some resource has been exhausted","error":"slow down"}"""),
        Gen.Const("""{"type":"error","code":"x","message":"stream failed"}"""),
        Gen.Const("""{"type":"response.completed","sequence_number":9,"response":{"id":"r","status":"completed","output":[]}}"""),
        Gen.Const("""{"type":"response.output_text.delta","sequence_number":1,"delta":"x","item_id":"i","output_index":0}"""),
        Gen.OneOf("null", "[]", "123", "\"text\"", "true", "{}", "", "{", "[{]", "{\"id\":", "\uFEFF{}", "NaN"),
        Gen.String[0, 60],
        Gen.Byte.Array[0, 40].Select(bytes => Encoding.Latin1.GetString(bytes)));

    private static readonly Gen<string> s_frame = Gen.Frequency(
        (10, s_json.Select(json => "data: " + json + "\n\n")),
        (2, s_json.Select(json => "event: error\ndata: " + json + "\n\n")),
        (2, s_json.Select(json => "event: response.completed\ndata: " + json + "\n\n")),
        (2, s_json.Select(json => "data: " + json + "\ndata: " + json + "\n\n")),
        (2, Gen.OneOf(": keep-alive\n\n", ":\n", "data: [DONE]\n\n", "data:[DONE]\n\n", "\n", "data:\n\n", "retry: 10\n", "id: 7\n", "event: ping\n\n", "data: [DONE]")),
        (1, Gen.String[0, 30]));

    private static readonly Gen<FuzzStream> s_stream =
        Gen.Select(s_frame.Array[0, 10], Gen.Int[0, 7], Gen.Int[0, 100], Gen.Bool, (frames, mutation, cut, abort) =>
        {
            var text = string.Concat(frames);
            text = mutation switch
            {
                0 => "\uFEFF" + text,
                1 => text.Replace("\n", "\r", StringComparison.Ordinal),
                2 => text.Replace("\n", "\r\n", StringComparison.Ordinal),
                3 => text[..(text.Length * cut / 100)], // truncated anywhere
                4 => text + "data: [DONE]\n\n",
                _ => text,
            };
            return new FuzzStream(Encoding.UTF8.GetBytes(text), abort, mutation == 5);
        });

    private static readonly Gen<FuzzBody> s_body = Gen.Select(
        s_json,
        Gen.OneOf(200, 200, 200, 201, 202, 204, 400, 404, 429, 500, 503),
        Gen.OneOf("application/json", "application/json; charset=utf-8", "text/html", "text/event-stream", "text/plain", ""),
        Gen.Int[0, 9],
        (json, status, contentType, mutation) => new FuzzBody(
            mutation == 0 ? [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xde, 0xad, 0xbe, 0xef] : Encoding.UTF8.GetBytes(mutation == 1 ? "\uFEFF" + json : json),
            status,
            contentType,
            Gzip: mutation == 0,
            Abort: mutation == 2));

    [Fact]
    public async Task Generated_event_streams_end_normally_or_in_a_documented_exception()
    {
        var cases = new ConcurrentDictionary<string, FuzzStream>();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var stream = cases[CaseId(context)];
            context.Response.ContentType = "text/event-stream";
            if (stream.Split && stream.Bytes.Length > 1)
            {
                // Two writes, split inside the body (possibly inside a UTF-8 character or a line end).
                var half = stream.Bytes.Length / 2;
                await context.Response.Body.WriteAsync(stream.Bytes.AsMemory(0, half));
                await context.Response.Body.FlushAsync();
                await context.Response.Body.WriteAsync(stream.Bytes.AsMemory(half));
            }
            else
            {
                await context.Response.Body.WriteAsync(stream.Bytes);
            }

            await context.Response.Body.FlushAsync();
            if (stream.Abort)
            {
                await Task.Delay(20);
                context.Abort();
            }
        });
        var grok = CreateClient(server);

        var outcomes = await RunAsync(s_stream, Streams, cases, async (id, _) =>
        {
            var request = new ChatCompletionRequest { Messages = [ChatMessage.User(id)] };
            await grok.StreamChatCompletionAsync(request).ToChatCompletionAsync();
        });

        output.WriteLine($"event streams fuzzed: {Streams} (seed {Seed}); outcomes: {outcomes}");
    }

    [Fact]
    public async Task Generated_plain_bodies_end_normally_or_in_a_documented_exception()
    {
        var cases = new ConcurrentDictionary<string, FuzzBody>();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var body = cases[CaseId(context)];
            context.Response.StatusCode = body.Status;
            if (body.ContentType.Length > 0)
            {
                context.Response.ContentType = body.ContentType;
            }

            if (body.Gzip)
            {
                context.Response.Headers.ContentEncoding = "gzip";
            }

            if (body.Status != 204)
            {
                await context.Response.Body.WriteAsync(body.Bytes);
            }

            if (body.Abort)
            {
                await context.Response.Body.FlushAsync();
                context.Abort();
            }
        });
        var grok = CreateClient(server);
        var bodies = Math.Max(Streams / 5, 100);

        var outcomes = await RunAsync(s_body, bodies, cases, async (id, number) =>
        {
            if (number % 2 == 0)
            {
                await grok.ChatAsync(id);
            }
            else
            {
                await grok.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = [ChatMessage.User(id)] });
            }
        });

        output.WriteLine($"plain bodies fuzzed: {bodies} (seed {Seed}); outcomes: {outcomes}");
    }

    private static IGrokClient CreateClient(LoopbackServer server)
    {
        var options = TestClients.Options(server);
        options.MaxRetries = 0;
        options.Timeout = s_perCase;
        options.StreamIdleTimeout = s_perCase;
        return GrokClient.Create<IGrokClient>(options);
    }

    private static string CaseId(HttpContext context)
    {
        var request = Assert.Single(JsonDocument.Parse(Encoding.UTF8.GetBytes(LastBody(context))).RootElement.GetProperty("messages").EnumerateArray());
        return request.GetProperty("content").GetString()!;
    }

    // The LoopbackServer reads and records the body before the handler runs; the case id is the user message.
    private static string LastBody(HttpContext context)
        => context.Items.TryGetValue("body", out var body) ? (string)body! : throw new InvalidOperationException("no recorded body");

    /// <summary>Runs <paramref name="count"/> cases from the fixed seed, four at a time; fails naming the first case whose outcome is not allowed.</summary>
    private static async Task<string> RunAsync<T>(Gen<T> gen, int count, ConcurrentDictionary<string, T> cases, Func<string, int, Task> call)
    {
        var pcg = new PCG(1, Seed);
        var generated = new T[count];
        for (var i = 0; i < count; i++)
        {
            generated[i] = gen.Generate(pcg, null, out _);
        }

        var tally = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(System.Linq.Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var id = "case-" + i.ToString(CultureInfo.InvariantCulture);
            cases[id] = generated[i];
            try
            {
                await call(id, i).WaitAsync(s_perCase + TimeSpan.FromSeconds(10));
                tally.AddOrUpdate("ok", 1, (_, n) => n + 1);
            }
            catch (Exception ex) when (IsDocumented(ex))
            {
                tally.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
            }
            catch (Exception ex)
            {
                failures.Enqueue($"{id}: {Describe(generated[i])}\n{ex}");
            }
            finally
            {
                cases.TryRemove(id, out var _);
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {count} cases ended in an undocumented exception; the first:\n{(failures.TryPeek(out var first) ? first : "")}");
        return string.Join(", ", System.Linq.Enumerable.Select(System.Linq.Enumerable.OrderBy(tally, p => p.Key, StringComparer.Ordinal), p => $"{p.Key} {p.Value}"))
            + $" in {stopwatch.Elapsed.TotalSeconds:0.0} s";
    }

    /// <summary>
    /// The library's documented outcomes. A <see cref="TimeoutException"/> from the per-case guard would be a hang, so it
    /// is not one; an <see cref="HttpRequestException"/> is, only as the library's transport error (the connection
    /// dropped before any answer arrived), which names the address.
    /// </summary>
    private static bool IsDocumented(Exception ex) => ex switch
    {
        GrokApiException or GrokStreamException or JsonException or OperationCanceledException => true,
        TimeoutException timeout => timeout.Message.Contains("GrokClientOptions", StringComparison.Ordinal),
        HttpRequestException http => http.Message.StartsWith("Could not reach the xAI API", StringComparison.Ordinal),
        _ => false,
    };

    private static string Describe<T>(T value) => value switch
    {
        FuzzStream s => $"stream (abort {s.Abort}, split {s.Split}): {JsonSerializer.Serialize(Encoding.UTF8.GetString(s.Bytes))}",
        FuzzBody b => $"body {b.Status} '{b.ContentType}' (gzip {b.Gzip}, abort {b.Abort}): {JsonSerializer.Serialize(Encoding.UTF8.GetString(b.Bytes))}",
        _ => value?.ToString() ?? "",
    };

    private sealed record FuzzStream(byte[] Bytes, bool Abort, bool Split);

    private sealed record FuzzBody(byte[] Bytes, int Status, string ContentType, bool Gzip, bool Abort);
}
