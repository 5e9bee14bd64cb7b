using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Grok.Tests;

public sealed class StreamingTests
{
    private static readonly string[] s_threeChunks =
    [
        "data: {\"id\":\"c\",\"delta\":\"Hel\"}\n\n",
        "data: {\"id\":\"c\",\"delta\":\"lo\"}\n\n",
        "data: {\"id\":\"c\",\"delta\":\"!\"}\n\n",
        "data: [DONE]\n\n",
    ];

    [Fact]
    public async Task Stream_yields_typed_chunks_and_sends_stream_true_and_accept_event_stream_without_changing_the_caller_object()
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(context, s_threeChunks));
        var chat = TestClients.Create<ITestChat>(server);
        var question = new Question { Model = "grok-4", Prompt = "hi", Stream = false };

        var deltas = new List<string?>();
        await foreach (var chunk in chat.AskStreamingAsync(question))
        {
            deltas.Add(chunk.Delta);
        }

        Assert.Equal(["Hel", "lo", "!"], deltas);
        Assert.False(question.Stream);
        var request = server.SingleRequest;
        Assert.Equal("text/event-stream", request.Accept);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal("Bearer " + TestClients.Key, request.Authorization);
        using var body = JsonDocument.Parse(request.Body);
        Assert.True(body.RootElement.GetProperty("stream").GetBoolean());
        Assert.Equal("grok-4", body.RootElement.GetProperty("model").GetString());
        Assert.Single(body.RootElement.EnumerateObject(), p => p.Name == "stream");
    }

    [Fact]
    public async Task First_chunk_arrives_before_the_server_finishes_the_stream()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await LoopbackServer.WriteEventsAsync(context, s_threeChunks[0]);
            await release.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await LoopbackServer.WriteEventsAsync(context, s_threeChunks[1..]);
        });
        var chat = TestClients.Create<ITestChat>(server);

        await using var chunks = chat.AskStreamingAsync(new Question()).GetAsyncEnumerator();
        Assert.True(await chunks.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("Hel", chunks.Current.Delta);
        Assert.False(release.Task.IsCompleted);

        release.SetResult();
        var rest = new List<string?>();
        while (await chunks.MoveNextAsync())
        {
            rest.Add(chunks.Current.Delta);
        }

        Assert.Equal(["lo", "!"], rest);
    }

    [Fact]
    public async Task Comments_keep_alives_empty_events_and_CRLF_are_handled_and_DONE_ends_the_sequence()
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(
            context,
            ": keep-alive\r\n\r\n",
            "data: {\"delta\":\"a\"}\r\n\r\n",
            "data:\r\n\r\n",
            ":\n\n",
            "data: {\"delta\":\"b\"}\n\n",
            "data: [DONE]\r\n\r\n",
            "data: {\"delta\":\"after done\"}\n\n"));
        var chat = TestClients.Create<ITestChat>(server);

        var deltas = await chat.AskStreamingAsync(new Question()).Select(c => c.Delta).ToListAsync();

        Assert.Equal(["a", "b"], deltas);
    }

    [Fact]
    public async Task Multibyte_character_split_across_packets_arrives_intact()
    {
        var frame = Encoding.UTF8.GetBytes("data: {\"delta\":\"h\u00e9llo \u4e16\u754c \ud83d\ude80\"}\n\n");
        var split = Array.IndexOf(frame, (byte)0xF0) + 2; // inside the 4-byte rocket
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.Body.WriteAsync(frame.AsMemory(0, split));
            await context.Response.Body.FlushAsync();
            await Task.Delay(50);
            await context.Response.Body.WriteAsync(frame.AsMemory(split));
            await context.Response.WriteAsync("data: [DONE]\n\n");
        });
        var chat = TestClients.Create<ITestChat>(server);

        var chunk = Assert.Single(await chat.AskStreamingAsync(new Question()).ToListAsync());

        Assert.Equal("h\u00e9llo \u4e16\u754c \ud83d\ude80", chunk.Delta);
    }

    [Fact]
    public async Task Non_2xx_throws_GrokApiException_from_the_first_MoveNextAsync()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"code":"Some resource has been exhausted","error":"Rate limited"}""", 429);
        var chat = TestClients.Create<ITestChat>(server);
        var chunks = chat.AskStreamingAsync(new Question());
        Assert.Empty(server.Requests); // nothing is sent before enumeration

        await using var enumerator = chunks.GetAsyncEnumerator();
        var error = await Assert.ThrowsAsync<GrokApiException>(() => enumerator.MoveNextAsync().AsTask());

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("Rate limited", error.ErrorMessage);
        Assert.Equal("Some resource has been exhausted", error.ErrorCode);
    }

    [Fact]
    public async Task Body_that_ends_cleanly_before_DONE_throws_GrokStreamException()
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(context, s_threeChunks[..2]));
        var chat = TestClients.Create<ITestChat>(server);
        var received = new List<string?>();

        var error = await Assert.ThrowsAsync<GrokStreamException>(async () =>
        {
            await foreach (var chunk in chat.AskStreamingAsync(new Question()))
            {
                received.Add(chunk.Delta);
            }
        });

        Assert.Equal(["Hel", "lo"], received);
        Assert.Equal(2, error.EventsReceived);
        Assert.Contains("[DONE]", error.Message);
    }

    [Fact]
    public async Task Dropped_connection_mid_stream_throws_GrokStreamException()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await LoopbackServer.WriteEventsAsync(context, s_threeChunks[0]);
            await Task.Delay(200); // let the event leave before the connection drops, even on a loaded machine
            context.Abort();
        });
        var chat = TestClients.Create<ITestChat>(server);
        var received = 0;

        var error = await Assert.ThrowsAsync<GrokStreamException>(async () =>
        {
            await foreach (var chunk in chat.AskStreamingAsync(new Question()))
            {
                received++;
            }
        });

        Assert.Equal(1, received);
        Assert.Equal(1, error.EventsReceived);
    }

    [Fact]
    public async Task Unparseable_event_throws_GrokStreamException_naming_the_event()
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(
            context, "data: {\"delta\":\"a\"}\n\n", "data: {not json\n\n", "data: [DONE]\n\n"));
        var chat = TestClients.Create<ITestChat>(server);

        var error = await Assert.ThrowsAsync<GrokStreamException>(() => chat.AskStreamingAsync(new Question()).ToListAsync().AsTask());

        Assert.Contains("Event 2", error.Message);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Theory]
    [InlineData("{\"code\":\"Internal error\",\"error\":\"The model crashed\"}", "The model crashed")]
    [InlineData("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}", "overloaded")]
    public async Task Error_event_mid_stream_throws_GrokStreamException_with_its_message(string errorEvent, string message)
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(
            context, s_threeChunks[0], $"data: {errorEvent}\n\n", "data: [DONE]\n\n"));
        var chat = TestClients.Create<ITestChat>(server);
        var received = 0;

        var error = await Assert.ThrowsAsync<GrokStreamException>(async () =>
        {
            await foreach (var chunk in chat.AskStreamingAsync(new Question()))
            {
                received++;
            }
        });

        Assert.Equal(1, received);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task Cancelling_a_slow_stream_returns_within_a_second()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await LoopbackServer.WriteEventsAsync(context, s_threeChunks[0]);
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        var chat = TestClients.Create<ITestChat>(server);
        using var cts = new CancellationTokenSource();

        var stopwatch = new Stopwatch();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chunk in chat.AskStreamingAsync(new Question(), cts.Token))
            {
                stopwatch.Start();
                cts.CancelAfter(TimeSpan.FromMilliseconds(100));
            }
        });

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task WithCancellation_token_also_cancels_the_stream()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await LoopbackServer.WriteEventsAsync(context, s_threeChunks[0]);
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        var chat = TestClients.Create<ITestChat>(server);
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chunk in chat.AskStreamingAsync(new Question()).WithCancellation(cts.Token))
            {
                cts.CancelAfter(TimeSpan.FromMilliseconds(100));
            }
        });
    }

    [Fact]
    public async Task Leaving_the_loop_early_releases_the_connection()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            await LoopbackServer.WriteEventsAsync(context, s_threeChunks[0]);
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { });
        });
        var chat = TestClients.Create<ITestChat>(server);

        await foreach (var chunk in chat.AskStreamingAsync(new Question()))
        {
            break;
        }

        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task String_stream_yields_each_event_raw_data()
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(context, s_threeChunks));
        var chat = TestClients.Create<ITestChat>(server);

        var data = await chat.AskStreamingRawAsync(new Question()).ToListAsync();

        Assert.Equal(["{\"id\":\"c\",\"delta\":\"Hel\"}", "{\"id\":\"c\",\"delta\":\"lo\"}", "{\"id\":\"c\",\"delta\":\"!\"}"], data);
    }

    [Fact]
    public async Task Raw_stream_and_response_with_Stream_true_hand_over_the_event_stream()
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(context, s_threeChunks));
        var chat = TestClients.Create<ITestChat>(server);

        await using (var stream = await chat.AskStreamingStreamAsync(new Question { Prompt = "x" }))
        {
            using var reader = new StreamReader(stream);
            Assert.Equal(string.Concat(s_threeChunks), await reader.ReadToEndAsync());
        }

        using (var response = await chat.AskStreamingResponseAsync(new Question()))
        {
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            Assert.EndsWith("data: [DONE]\n\n", await response.Content.ReadAsStringAsync());
        }

        Assert.All(server.Requests, r =>
        {
            Assert.Equal("text/event-stream", r.Accept);
            Assert.Contains("\"stream\":true", r.Body);
        });
    }

    [Fact]
    public async Task Raw_stream_and_response_with_Stream_true_arrive_before_the_server_finishes()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await LoopbackServer.WriteEventsAsync(context, s_threeChunks[0]);
            await release.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await LoopbackServer.WriteEventsAsync(context, s_threeChunks[1..]);
        });
        var chat = TestClients.Create<ITestChat>(server);

        await using var stream = await chat.AskStreamingStreamAsync(new Question()).WaitAsync(TimeSpan.FromSeconds(5));
        using var response = await chat.AskStreamingResponseAsync(new Question()).WaitAsync(TimeSpan.FromSeconds(5));
        var first = new byte[s_threeChunks[0].Length];
        await stream.ReadExactlyAsync(first).AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(s_threeChunks[0], Encoding.UTF8.GetString(first));
        Assert.False(release.Task.IsCompleted);
        release.SetResult();
    }

    [Fact]
    public async Task Non_streaming_method_answered_with_an_event_stream_says_to_use_Stream_true()
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(context, s_threeChunks));
        var chat = TestClients.Create<ITestChat>(server);

        var error = await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()));

        Assert.Contains("Stream = true", error.Message);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }

    [Fact]
    public async Task Json_answer_to_a_streaming_method_is_a_GrokApiException_not_a_silent_empty_stream()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"id":"x"}""");
        var chat = TestClients.Create<ITestChat>(server);

        var error = await Assert.ThrowsAsync<GrokApiException>(() => chat.AskStreamingAsync(new Question()).ToListAsync().AsTask());

        Assert.Contains("text/event-stream", error.Message);
    }

    [Fact]
    public async Task Each_enumeration_sends_a_fresh_request()
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(context, s_threeChunks));
        var chat = TestClients.Create<ITestChat>(server);
        var stream = chat.AskStreamingAsync(new Question());

        Assert.Equal(3, (await stream.ToListAsync()).Count);
        Assert.Equal(3, (await stream.ToListAsync()).Count);
        Assert.Equal(2, server.Requests.Count);
    }
}
