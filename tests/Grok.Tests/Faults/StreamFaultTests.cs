using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Grok.Tests.Faults;

/// <summary>Streams under faults, over real loopback HTTP: never sent again once a 2xx arrived, never hung, never unbounded.</summary>
public sealed class StreamFaultTests
{
    private static readonly TimeSpan s_hang = TimeSpan.FromSeconds(30);
    private static readonly string[] s_chunks = ["data: {\"delta\":\"a\"}\n\n", "data: {\"delta\":\"b\"}\n\n", "data: [DONE]\n\n"];

    [Fact]
    public async Task Stream_whose_200_arrived_and_then_broke_before_its_first_event_is_sent_once()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await LoopbackServer.WriteEventsAsync(context, ": keep-alive\n\n");
            await Task.Delay(200);
            context.Abort();
        });
        var chat = TestClients.Create<ITestChat>(server);

        var error = await Record.ExceptionAsync(() => chat.AskStreamingAsync(new Question()).ToListAsync().AsTask().WaitAsync(s_hang));

        // GrokStreamException once the 200 was read; on a very loaded machine the reset may overtake the unread 200, and
        // then it is the transport error. Either way the request was sent once.
        Assert.True(error is GrokStreamException or HttpRequestException, $"got {error}");
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Stream_reaches_the_server_at_most_MaxRetries_plus_one_times()
    {
        // 503, 503, then a 200 that breaks before its first event: one call, three requests, never nine.
        var attempts = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref attempts) % 3 != 0)
            {
                context.Response.Headers["retry-after-ms"] = "1";
                await LoopbackServer.WriteJsonAsync(context, """{"error":"busy"}""", 503);
                return;
            }

            await LoopbackServer.WriteEventsAsync(context, ": hi\n\n");
            await Task.Delay(200);
            context.Abort();
        });
        var options = TestClients.Options(server);
        options.MaxRetries = 2;
        var chat = GrokClient.Create<ITestChat>(options);

        var error = await Record.ExceptionAsync(() => chat.AskStreamingAsync(new Question()).ToListAsync().AsTask().WaitAsync(s_hang));

        Assert.True(error is GrokStreamException or HttpRequestException, $"got {error}");
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Stream_over_a_callers_HttpClient_without_the_Grok_handler_gets_exactly_one_attempt()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers["retry-after-ms"] = "1";
            return LoopbackServer.WriteJsonAsync(context, """{"error":"busy"}""", 503);
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var chat = GrokClient.Create<ITestChat>(http, TestClients.Options(server));

        await Assert.ThrowsAsync<GrokApiException>(() => chat.AskStreamingAsync(new Question()).ToListAsync().AsTask());
        await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()));

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task First_event_is_bounded_by_Timeout_not_by_StreamIdleTimeout()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await LoopbackServer.WriteEventsAsync(context, ": thinking\n\n");
            await Task.Delay(TimeSpan.FromSeconds(1));
            await LoopbackServer.WriteEventsAsync(context, s_chunks);
        });
        var options = TestClients.Options(server);
        options.StreamIdleTimeout = TimeSpan.FromMilliseconds(300);
        options.Timeout = TimeSpan.FromSeconds(20);
        var chat = GrokClient.Create<ITestChat>(options);

        var chunks = await chat.AskStreamingAsync(new Question()).ToListAsync();

        Assert.Equal(2, chunks.Count);
    }

    [Fact]
    public async Task Keep_alive_comments_count_as_life_between_events()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await LoopbackServer.WriteEventsAsync(context, s_chunks[0]);
            for (var i = 0; i < 16; i++)
            {
                await Task.Delay(200);
                await LoopbackServer.WriteEventsAsync(context, ": keep-alive\n\n");
            }

            await LoopbackServer.WriteEventsAsync(context, s_chunks[1], s_chunks[2]);
        });
        var options = TestClients.Options(server);
        options.StreamIdleTimeout = TimeSpan.FromSeconds(1.5); // half the 3.2 s between the two events, 7x the comments' gap
        var chat = GrokClient.Create<ITestChat>(options);

        var chunks = await chat.AskStreamingAsync(new Question()).ToListAsync();

        Assert.Equal(2, chunks.Count);
    }

    [Fact]
    public async Task Event_larger_than_MaxEventSize_ends_the_stream_with_GrokStreamException()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers["x-request-id"] = "req-big";
            await LoopbackServer.WriteEventsAsync(context, s_chunks[0], "data: {\"delta\":\"");
            var block = Encoding.ASCII.GetBytes(new string('x', 16 * 1024));
            for (var i = 0; i < 64 && !context.RequestAborted.IsCancellationRequested; i++) // 1 MiB, no newline
            {
                await context.Response.Body.WriteAsync(block, context.RequestAborted).AsTask().ContinueWith(_ => { });
            }
        });
        var options = TestClients.Options(server);
        options.MaxEventSize = 64 * 1024;
        var chat = GrokClient.Create<ITestChat>(options);
        var received = 0;

        var error = await Record.ExceptionAsync(async () =>
        {
            await foreach (var chunk in chat.AskStreamingAsync(new Question()).WithCancellation(new CancellationTokenSource(s_hang).Token))
            {
                received++;
            }
        });

        var stream = Assert.IsType<GrokStreamException>(error);
        Assert.Contains("GrokClientOptions.MaxEventSize", stream.Message);
        Assert.Equal("req-big", stream.RequestId);
        Assert.Equal(1, received);
    }

    [Fact]
    public async Task Events_split_by_CR_only_line_ends_are_within_the_size_limit()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
            LoopbackServer.WriteEventsAsync(context, string.Concat(Enumerable.Repeat("data: {\"delta\":\"" + new string('y', 600) + "\"}\r\r", 20)) + "data: [DONE]\r\r"));
        var options = TestClients.Options(server);
        options.MaxEventSize = 1024;
        var chat = GrokClient.Create<ITestChat>(options);

        var chunks = await chat.AskStreamingAsync(new Question()).ToListAsync();

        Assert.Equal(20, chunks.Count);
    }

    [Fact]
    public async Task Stream_exceptions_carry_the_servers_request_id()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers["x-request-id"] = "req-s1";
            await LoopbackServer.WriteEventsAsync(context, s_chunks[0]);
            if (context.Request.Headers["x-test"] == "idle")
            {
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(_ => { });
                return;
            }

            await Task.Delay(200);
            context.Abort();
        });
        var options = TestClients.Options(server);
        options.StreamIdleTimeout = TimeSpan.FromSeconds(2); // generous: the abort must arrive before it on a loaded machine
        var chat = GrokClient.Create<ITestChat>(options);

        var broken = await Assert.ThrowsAsync<GrokStreamException>(() => chat.AskStreamingAsync(new Question()).ToListAsync().AsTask());
        using var http = new HttpClient(GrokClient.CreateHttpMessageHandler(options)) { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Add("x-test", "idle");
        var idle = await Record.ExceptionAsync(() => GrokClient.Create<ITestChat>(http, options).AskStreamingAsync(new Question()).ToListAsync().AsTask());

        Assert.Equal("req-s1", broken.RequestId);
        Assert.Contains("req-s1", broken.Message);
        var timeout = Assert.IsType<TimeoutException>(idle);
        Assert.Equal("req-s1", timeout.Data["RequestId"]);
        Assert.Contains("req-s1", timeout.Message);
    }

    [Theory]
    [InlineData("headers")]
    [InlineData("first-event")]
    [InlineData("between-events")]
    [InlineData("error-body")]
    public async Task Cancelling_a_stream_returns_within_a_second_in_every_phase(string phase)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            switch (phase)
            {
                case "first-event":
                    await LoopbackServer.WriteEventsAsync(context, ": hi\n\n");
                    break;
                case "between-events":
                    await LoopbackServer.WriteEventsAsync(context, s_chunks[0]);
                    break;
                case "error-body":
                    context.Response.StatusCode = 400;
                    await context.Response.WriteAsync("{\"error\":");
                    await context.Response.Body.FlushAsync();
                    break;
            }

            await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted).ContinueWith(_ => { });
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress }; // no Grok handler: the runtime alone must honour the token
        var chat = GrokClient.Create<ITestChat>(http, TestClients.Options(server));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var stopwatch = Stopwatch.StartNew();

        var error = await Record.ExceptionAsync(() => chat.AskStreamingAsync(new Question(), cts.Token).ToListAsync().AsTask().WaitAsync(s_hang));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2.5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Event_whose_data_is_JSON_null_ends_the_stream_with_GrokStreamException()
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(context, "data: null\n\n", "data: [DONE]\n\n"));
        var chat = TestClients.Create<ITestChat>(server);

        await Assert.ThrowsAsync<GrokStreamException>(() => chat.AskStreamingAsync(new Question()).ToListAsync().AsTask());
    }

    [Fact]
    public async Task Corrupt_gzip_stream_body_ends_with_GrokStreamException()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3 });
        });
        var chat = TestClients.Create<ITestChat>(server);

        await Assert.ThrowsAsync<GrokStreamException>(() => chat.AskStreamingAsync(new Question()).ToListAsync().AsTask());
    }
}
