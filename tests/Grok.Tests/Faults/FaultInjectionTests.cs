using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Grok.Tests.Faults;

/// <summary>
/// Each fault a server or network can throw at the client, over real loopback HTTP: the server counts the attempts that
/// reached it, and each test asserts the exception, the attempt count, and a generous time bound where the fault used
/// to hang. The table in docs/reliability.md names these tests.
/// </summary>
public sealed class FaultInjectionTests
{
    private static readonly TimeSpan s_hang = TimeSpan.FromSeconds(30);

    // 1. Billed again: a request the server may have processed is not sent again.

    [Fact]
    public async Task Post_that_outlives_Timeout_is_sent_once_and_surfaces_as_TimeoutException()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5), context.RequestAborted).ContinueWith(_ => { });
            if (!context.RequestAborted.IsCancellationRequested)
            {
                await LoopbackServer.WriteJsonAsync(context, """{"id":"late"}""");
            }
        });
        var options = TestClients.Options(server);
        options.Timeout = TimeSpan.FromSeconds(1);
        var chat = GrokClient.Create<ITestChat>(options);

        var error = await Record.ExceptionAsync(() => chat.AskAsync(new Question()));

        Assert.IsType<TimeoutException>(error);
        Assert.Contains("GrokClientOptions.Timeout", error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Post_whose_connection_broke_after_the_server_read_it_is_sent_once()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Abort(); // the body was read (and recorded) by the server: the work may be under way
            return Task.CompletedTask;
        });
        var chat = TestClients.Create<ITestChat>(server);

        var error = await Record.ExceptionAsync(() => chat.AskAsync(new Question { Prompt = "p" }));

        Assert.IsAssignableFrom<HttpRequestException>(error);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Post_answered_500_502_or_504_is_not_sent_again(int status)
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers["retry-after-ms"] = "1";
            return LoopbackServer.WriteJsonAsync(context, """{"error":"oops"}""", status);
        });
        var chat = TestClients.Create<ITestChat>(server);

        var error = await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()));

        Assert.Equal(status, (int)error.StatusCode);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Get_answered_500_502_or_504_is_retried(int status)
    {
        var attempts = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                context.Response.Headers["retry-after-ms"] = "1";
                return LoopbackServer.WriteJsonAsync(context, """{"error":"oops"}""", status);
            }

            return LoopbackServer.WriteJsonAsync(context, """{"id":"m"}""");
        });
        var api = TestClients.Create<IFaultApi>(server);

        Assert.Equal("m", (await api.GetItemAsync("m")).Id);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Get_that_outlives_Timeout_or_loses_its_connection_is_retried()
    {
        var attempts = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            switch (Interlocked.Increment(ref attempts))
            {
                case 1:
                    await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(_ => { });
                    return;
                case 2:
                    context.Abort();
                    return;
                default:
                    await LoopbackServer.WriteJsonAsync(context, """{"id":"third"}""");
                    return;
            }
        });
        var options = TestClients.Options(server);
        options.Timeout = TimeSpan.FromSeconds(1);
        var api = GrokClient.Create<IFaultApi>(options);

        Assert.Equal("third", (await api.GetItemAsync("x")).Id);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Post_is_retried_when_the_connection_could_not_be_made()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there: every attempt is refused before anything is sent
        var options = new GrokClientOptions { ApiKey = TestClients.Key, BaseAddress = new Uri($"http://127.0.0.1:{port}/v1/"), MaxRetries = 2 };
        var counter = new CountingHandler(new SocketsHttpHandler());
        using var http = new HttpClient(GrokClient.CreateHttpMessageHandler(options, counter)) { BaseAddress = options.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var chat = GrokClient.Create<ITestChat>(http, options);

        var error = await Record.ExceptionAsync(() => chat.AskAsync(new Question()));

        Assert.IsAssignableFrom<HttpRequestException>(error);
        Assert.Equal(3, counter.Attempts);
    }

    [Fact]
    public async Task Upload_body_that_cannot_be_replayed_is_not_retried_and_the_error_surfaces()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"error":"busy"}""", 503);
        var options = TestClients.Options(server);
        using var http = new HttpClient(GrokClient.CreateHttpMessageHandler(options)) { Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseAddress, "files"))
        {
            Content = new StreamContent(new NonSeekableStream(new byte[1000])),
        };

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Each_request_carries_an_x_client_request_id_that_stays_the_same_across_retries()
    {
        var attempts = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (Interlocked.Increment(ref attempts) % 2 == 1)
            {
                context.Response.Headers["retry-after-ms"] = "1";
                return LoopbackServer.WriteJsonAsync(context, "{}", 503);
            }

            return LoopbackServer.WriteJsonAsync(context, """{"id":"ok"}""");
        });
        var chat = TestClients.Create<ITestChat>(server);

        await chat.AskAsync(new Question());
        await chat.AskAsync(new Question());

        var ids = server.Requests.Select(r => r.Headers["x-client-request-id"]).ToArray();
        Assert.Equal(4, ids.Length);
        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(ids[2], ids[3]);
        Assert.NotEqual(ids[0], ids[2]);
        Assert.True(Guid.TryParse(ids[0], out _));
    }

    // 2. Hangs: Timeout bounds the whole attempt, bodies included; the caller's token reaches every wait.

    [Theory]
    [InlineData(false)] // chunked
    [InlineData(true)]  // Content-Length: the deadline reaches into a body of known length too
    public async Task Plain_body_that_stalls_after_the_headers_ends_in_TimeoutException(bool knownLength)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            if (knownLength)
            {
                context.Response.ContentLength = 100;
            }

            context.Response.Headers["x-request-id"] = "req-slow";
            await context.Response.WriteAsync("""{"id":"par""");
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted).ContinueWith(_ => { });
        });
        var options = TestClients.Options(server);
        options.Timeout = TimeSpan.FromSeconds(1);
        var chat = GrokClient.Create<ITestChat>(options);
        var stopwatch = Stopwatch.StartNew();

        var error = await Record.ExceptionAsync(() => chat.AskAsync(new Question()).WaitAsync(s_hang));

        Assert.IsType<TimeoutException>(error);
        Assert.Contains("GrokClientOptions.Timeout", error.Message);
        Assert.Contains("the body stalled", error.Message);
        Assert.Equal("req-slow", error.Data["RequestId"]);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(8), $"took {stopwatch.Elapsed}");
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Rate_limit_body_that_stalls_is_read_within_Timeout()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 429;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"error":"slow """);
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted).ContinueWith(_ => { });
        });
        var options = TestClients.Options(server);
        options.Timeout = TimeSpan.FromSeconds(1);
        options.MaxRetries = 0;
        var chat = GrokClient.Create<ITestChat>(options);
        var stopwatch = Stopwatch.StartNew();

        var error = await Record.ExceptionAsync(() => chat.AskAsync(new Question()).WaitAsync(s_hang));

        var api = Assert.IsType<GrokApiException>(error);
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Contains("GrokClientOptions.Timeout", api.Content);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(8), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Cancelling_during_the_wait_before_a_retry_returns_within_a_second()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers["retry-after-ms"] = "50000";
            return LoopbackServer.WriteJsonAsync(context, "{}", 503);
        });
        var chat = TestClients.Create<ITestChat>(server);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var stopwatch = Stopwatch.StartNew();

        var error = await Record.ExceptionAsync(() => chat.AskAsync(new Question(), cts.Token).WaitAsync(s_hang));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1.5 + 1), $"took {stopwatch.Elapsed}");
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Cancelling_while_a_plain_body_is_read_returns_within_a_second()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":""");
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted).ContinueWith(_ => { });
        });
        var chat = TestClients.Create<ITestChat>(server);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var stopwatch = Stopwatch.StartNew();

        var error = await Record.ExceptionAsync(() => chat.AskAsync(new Question(), cts.Token).WaitAsync(s_hang));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2.5), $"took {stopwatch.Elapsed}");
    }

    // 3. Unbounded memory: error bodies are read up to a cap.

    [Fact]
    public async Task Huge_error_body_is_cut_and_says_so()
    {
        var chunk = new string('x', 64 * 1024);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "text/plain";
            for (var i = 0; i < 160 && !context.RequestAborted.IsCancellationRequested; i++) // 10 MiB
            {
                await context.Response.WriteAsync(chunk, context.RequestAborted).ContinueWith(_ => { });
            }
        });
        var chat = TestClients.Create<ITestChat>(server);

        var error = await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()).WaitAsync(s_hang));

        Assert.NotNull(error.Content);
        Assert.True(error.Content!.Length <= 64 * 1024 + 200, $"kept {error.Content.Length} chars");
        Assert.Contains("[cut: only the first 65536 bytes of the body are kept]", error.Content);
        Assert.True(error.Message.Length < 1000);
    }

    [Fact]
    public async Task Corrupt_gzip_error_body_is_a_GrokApiException()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/json";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3 });
        });
        var chat = TestClients.Create<ITestChat>(server);

        var error = await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("could not be read", error.Content);
    }

    // 4. The key travels with exceptions.

    [Fact]
    public async Task Request_attached_to_a_GrokApiException_carries_no_Authorization_value()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"error":"bad"}""", 400);
        var chat = TestClients.Create<ITestChat>(server);

        var error = await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()));

        Assert.NotNull(error.RequestMessage);
        Assert.Null(error.RequestMessage!.Headers.Authorization);
        Assert.DoesNotContain(TestClients.Key, error.RequestMessage.ToString());
        Assert.DoesNotContain(TestClients.Key, error.ToString());
        Assert.Equal(HttpMethod.Post, error.RequestMessage.Method);
        Assert.EndsWith("/v1/chat/completions", error.RequestMessage.RequestUri!.AbsolutePath);
    }

    // 6. Options are checked.

    [Theory]
    [InlineData(nameof(GrokClientOptions.MaxRetries), -5)]
    [InlineData(nameof(GrokClientOptions.MaxRetries), 11)]
    [InlineData(nameof(GrokClientOptions.MaxRetries), int.MaxValue)]
    [InlineData(nameof(GrokClientOptions.Timeout), -3.0)]
    [InlineData(nameof(GrokClientOptions.Timeout), 0.0)]
    [InlineData(nameof(GrokClientOptions.Timeout), 60 * 24 * 3600.0)]
    [InlineData(nameof(GrokClientOptions.StreamIdleTimeout), -1.0)]
    [InlineData(nameof(GrokClientOptions.StreamIdleTimeout), 60 * 24 * 3600.0)]
    [InlineData(nameof(GrokClientOptions.MaxEventSize), 0)]
    public void Create_refuses_options_that_cannot_work_naming_the_property(string property, double value)
    {
        var options = new GrokClientOptions { ApiKey = TestClients.Key };
        switch (property)
        {
            case nameof(GrokClientOptions.MaxRetries): options.MaxRetries = (int)value; break;
            case nameof(GrokClientOptions.Timeout): options.Timeout = TimeSpan.FromSeconds(value); break;
            case nameof(GrokClientOptions.StreamIdleTimeout): options.StreamIdleTimeout = TimeSpan.FromSeconds(value); break;
            case nameof(GrokClientOptions.MaxEventSize): options.MaxEventSize = (int)value; break;
        }

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => GrokClient.Create<ITestChat>(options));
        using var http = new HttpClient { BaseAddress = new Uri("https://api.x.ai/v1/") };
        var overCallersClient = Assert.Throws<ArgumentOutOfRangeException>(() => GrokClient.Create<ITestChat>(http, options));
        var forRefit = Assert.Throws<ArgumentOutOfRangeException>(() => GrokClient.CreateSettings(options));

        Assert.Equal(property, error.ParamName);
        Assert.Contains("GrokClientOptions." + property, error.Message);
        Assert.Equal(property, overCallersClient.ParamName);
        Assert.Equal(property, forRefit.ParamName);
    }

    [Fact]
    public void Defaults_are_60_minutes_5_minutes_2_retries_and_64_MiB()
    {
        var options = new GrokClientOptions();

        Assert.Equal(TimeSpan.FromMinutes(60), options.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(5), options.StreamIdleTimeout);
        Assert.Equal(2, options.MaxRetries);
        Assert.Equal(64 * 1024 * 1024, options.MaxEventSize);
    }

    [Fact]
    public async Task Short_long_and_infinite_timeouts_are_accepted_and_work()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), context.RequestAborted).ContinueWith(_ => { });
            await LoopbackServer.WriteJsonAsync(context, """{"id":"ok"}""");
        });
        var options = TestClients.Options(server);
        options.MaxRetries = 0;

        options.Timeout = TimeSpan.FromMilliseconds(5);
        await Assert.ThrowsAsync<TimeoutException>(() => GrokClient.Create<ITestChat>(options).AskAsync(new Question()));

        foreach (var timeout in new[] { TimeSpan.FromDays(2), Timeout.InfiniteTimeSpan })
        {
            options.Timeout = timeout;
            options.StreamIdleTimeout = timeout;
            Assert.Equal("ok", (await GrokClient.Create<ITestChat>(options).AskAsync(new Question())).Id);
        }
    }

    // 7. Exceptions from inside the library.

    [Theory]
    [InlineData("1e300")]
    [InlineData("Infinity")]
    [InlineData("NaN")]
    [InlineData("soon")]
    public async Task Unreadable_or_huge_retry_after_ms_surfaces_the_error_at_once(string value)
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers["retry-after-ms"] = value;
            return LoopbackServer.WriteJsonAsync(context, """{"error":"busy"}""", 503);
        });
        var chat = TestClients.Create<ITestChat>(server);
        var stopwatch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()).WaitAsync(s_hang));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(server.Requests);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Unreadable_Retry_After_surfaces_the_error_at_once()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.RetryAfter = "99999999999999999999";
            return LoopbackServer.WriteJsonAsync(context, """{"error":"busy"}""", 429);
        });
        var chat = TestClients.Create<ITestChat>(server);

        await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()).WaitAsync(s_hang));

        Assert.Single(server.Requests);
    }

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
