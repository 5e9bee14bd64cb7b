using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Grok.Tests;

/// <summary>Retries, timeouts and idle streams over real loopback HTTP.</summary>
public sealed class ReliabilityTests
{
    private static readonly string[] s_chunks =
    [
        "data: {\"delta\":\"a\"}\n\n",
        "data: {\"delta\":\"b\"}\n\n",
        "data: [DONE]\n\n",
    ];

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Retriable_status_is_retried_and_the_call_succeeds(int status)
    {
        var attempts = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                context.Response.Headers["retry-after-ms"] = "5";
                return LoopbackServer.WriteJsonAsync(context, """{"error":"try again"}""", status);
            }

            return LoopbackServer.WriteJsonAsync(context, """{"id":"ok"}""");
        });
        var chat = TestClients.Create<ITestChat>(server);

        var answer = await chat.AskAsync(new Question { Prompt = "p" });

        Assert.Equal("ok", answer.Id);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("""{"prompt":"p"}""", r.Body)); // the body is sent again intact
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetries_and_the_error_surfaces()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers["retry-after-ms"] = "1";
            return LoopbackServer.WriteJsonAsync(context, """{"error":"down"}""", 503);
        });
        var options = TestClients.Options(server);
        options.MaxRetries = 3;
        var chat = GrokClient.Create<ITestChat>(options);

        var error = await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task MaxRetries_zero_disables_retries()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"error":"down"}""", 503);
        var options = TestClients.Options(server);
        options.MaxRetries = 0;
        var chat = GrokClient.Create<ITestChat>(options);

        await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()));

        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task Client_errors_are_not_retried(int status)
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"error":"no"}""", status);
        var chat = TestClients.Create<ITestChat>(server);

        await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()));

        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("Your team abc has either used all available credits or reached its monthly spending limit.")]
    [InlineData("You have exhausted your credits")]
    public async Task Rate_limit_for_exhausted_credits_is_never_retried(string message)
    {
        await using var server = await LoopbackServer.StartJsonAsync($$"""{"code":"Some resource has been exhausted","error":"{{message}}"}""", 429);
        var chat = TestClients.Create<ITestChat>(server);

        var error = await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()));

        Assert.Equal(message, error.ErrorMessage);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Retry_after_longer_than_a_minute_surfaces_at_once()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.RetryAfter = "120";
            return LoopbackServer.WriteJsonAsync(context, """{"error":"slow down"}""", 429);
        });
        var chat = TestClients.Create<ITestChat>(server);
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()));

        Assert.Single(server.Requests);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Retry_after_ms_is_preferred_over_Retry_After()
    {
        var attempts = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                context.Response.Headers.RetryAfter = "30";
                context.Response.Headers["retry-after-ms"] = "20";
                return LoopbackServer.WriteJsonAsync(context, "{}", 429);
            }

            return LoopbackServer.WriteJsonAsync(context, """{"id":"ok"}""");
        });
        var chat = TestClients.Create<ITestChat>(server);
        var stopwatch = Stopwatch.StartNew();

        await chat.AskAsync(new Question());

        Assert.Equal(2, server.Requests.Count);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}: Retry-After: 30 was used");
    }

    [Fact]
    public async Task Retry_After_in_seconds_is_honoured()
    {
        var times = new System.Collections.Concurrent.ConcurrentQueue<DateTime>();
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            times.Enqueue(DateTime.UtcNow);
            if (times.Count == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                return LoopbackServer.WriteJsonAsync(context, "{}", 503);
            }

            return LoopbackServer.WriteJsonAsync(context, """{"id":"ok"}""");
        });
        var chat = TestClients.Create<ITestChat>(server);

        await chat.AskAsync(new Question());

        var seen = times.ToArray();
        Assert.True(seen[1] - seen[0] >= TimeSpan.FromMilliseconds(900), $"waited {seen[1] - seen[0]}");
    }

    [Fact]
    public async Task Timed_out_get_is_retried_and_a_timed_out_attempt_surfaces_as_TimeoutException()
    {
        var attempts = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(_ => { });
                return;
            }

            await LoopbackServer.WriteJsonAsync(context, """{"id":"second"}""");
        });
        var options = TestClients.Options(server);
        options.Timeout = TimeSpan.FromSeconds(1); // generous: the second attempt must answer within it on a loaded machine
        var api = GrokClient.Create<Faults.IFaultApi>(options);

        Assert.Equal("second", (await api.GetItemAsync("i")).Id);

        options.MaxRetries = 0;
        attempts = 0;
        var single = GrokClient.Create<Faults.IFaultApi>(options);
        var error = await Record.ExceptionAsync(() => single.GetItemAsync("i"));
        Assert.IsType<TimeoutException>(error);
        Assert.Contains("GrokClientOptions.Timeout", error.Message);
    }

    [Fact]
    public async Task Callers_cancellation_is_not_a_timeout_and_not_retried()
    {
        await using var server = await LoopbackServer.StartAsync(context => Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted));
        var chat = TestClients.Create<ITestChat>(server);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var error = await Record.ExceptionAsync(() => chat.AskAsync(new Question(), cts.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Connection_that_cannot_be_made_surfaces_as_HttpRequestException_naming_address_and_endpoint()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        var chat = GrokClient.Create<ITestChat>(new GrokClientOptions
        {
            ApiKey = TestClients.Key,
            BaseAddress = new Uri($"http://127.0.0.1:{port}/v1/"),
            MaxRetries = 1,
        });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => chat.AskAsync(new Question()));

        Assert.Contains($"http://127.0.0.1:{port}", error.Message);
        Assert.Contains("/v1/chat/completions", error.Message);
        Assert.DoesNotContain(TestClients.Key, error.ToString());
    }

    [Fact]
    public async Task Stream_failing_status_is_retried_before_any_event()
    {
        var attempts = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                context.Response.Headers["retry-after-ms"] = "1";
                return LoopbackServer.WriteJsonAsync(context, "{}", 503);
            }

            return LoopbackServer.WriteEventsAsync(context, s_chunks);
        });
        var chat = TestClients.Create<ITestChat>(server);

        var chunks = await chat.AskStreamingAsync(new Question()).ToListAsync();

        Assert.Equal(2, chunks.Count);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Stream_whose_200_arrived_and_then_stalled_is_never_sent_again()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await LoopbackServer.WriteEventsAsync(context, ": connected\n\n");
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(_ => { });
        });
        var options = TestClients.Options(server);
        options.Timeout = TimeSpan.FromSeconds(1); // bounds the wait for the first event
        var chat = GrokClient.Create<ITestChat>(options);

        await Assert.ThrowsAsync<TimeoutException>(async () => await chat.AskStreamingAsync(new Question()).ToListAsync());

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Stream_is_never_retried_after_an_event_reached_the_caller()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await LoopbackServer.WriteEventsAsync(context, s_chunks[0]);
            await Task.Delay(200); // let the event reach the caller before the connection drops
            context.Abort();
        });
        var chat = TestClients.Create<ITestChat>(server);
        var received = 0;

        await Assert.ThrowsAsync<GrokStreamException>(async () =>
        {
            await foreach (var chunk in chat.AskStreamingAsync(new Question()))
            {
                received++;
            }
        });

        Assert.Equal(1, received);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Stream_silent_longer_than_StreamIdleTimeout_throws_TimeoutException()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await LoopbackServer.WriteEventsAsync(context, s_chunks[0]);
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(_ => { });
        });
        var options = TestClients.Options(server);
        options.StreamIdleTimeout = TimeSpan.FromMilliseconds(300);
        var chat = GrokClient.Create<ITestChat>(options);
        var received = 0;

        var error = await Record.ExceptionAsync(async () =>
        {
            await foreach (var chunk in chat.AskStreamingAsync(new Question()))
            {
                received++;
            }
        });

        Assert.IsType<TimeoutException>(error);
        Assert.Contains("StreamIdleTimeout", error.Message);
        Assert.Equal(1, received);
    }

    [Fact]
    public async Task Stream_that_keeps_producing_is_never_cut_by_the_idle_timeout_or_the_attempt_timeout()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            for (var i = 0; i < 30; i++)
            {
                await LoopbackServer.WriteEventsAsync(context, $"data: {{\"delta\":\"{i}\"}}\n\n");
                await Task.Delay(100);
            }

            await LoopbackServer.WriteEventsAsync(context, "data: [DONE]\n\n");
        });
        var options = TestClients.Options(server);

        // Generous margins: server and client share this process's thread pool, which is starved while the suite
        // starts (a 6x margin was once exceeded there).
        options.StreamIdleTimeout = TimeSpan.FromSeconds(1.5); // 15x the gap between chunks
        options.Timeout = TimeSpan.FromSeconds(1.5);           // half the stream's length
        var chat = GrokClient.Create<ITestChat>(options);

        var chunks = await chat.AskStreamingAsync(new Question()).ToListAsync();

        Assert.Equal(30, chunks.Count);
    }
}
