using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Grok.Tests.Faults;

/// <summary>
/// The phase before anything is sent: a server whose accept queue is full never completes the TCP handshake (Linux
/// drops the SYN and the client waits to send it again), so the connection is still being made when the caller cancels
/// or the attempt's <see cref="GrokClientOptions.Timeout"/> passes. Both must end the call promptly, and nothing may
/// reach the server.
/// </summary>
public sealed class ConnectPhaseTests
{
    private static readonly TimeSpan s_hang = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Cancelling_while_the_connection_is_being_made_returns_within_a_second()
    {
        using var listener = await StalledListener.StartAsync();
        var chat = GrokClient.Create<ITestChat>(Options(listener, maxRetries: 2));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var stopwatch = Stopwatch.StartNew();

        var error = await Record.ExceptionAsync(() => chat.AskAsync(new Question(), cts.Token).WaitAsync(s_hang));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2.5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Cancelling_a_stream_while_the_connection_is_being_made_returns_within_a_second()
    {
        using var listener = await StalledListener.StartAsync();
        var chat = GrokClient.Create<ITestChat>(Options(listener, maxRetries: 2));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var stopwatch = Stopwatch.StartNew();

        var error = await Record.ExceptionAsync(async () =>
        {
            await foreach (var _ in chat.AskStreamingAsync(new Question(), cts.Token).WithCancellation(cts.Token))
            {
            }
        }).WaitAsync(s_hang);

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2.5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Timeout_bounds_a_connection_that_is_never_made()
    {
        using var listener = await StalledListener.StartAsync();
        var options = Options(listener, maxRetries: 0);
        options.Timeout = TimeSpan.FromSeconds(1);
        var chat = GrokClient.Create<ITestChat>(options);
        var stopwatch = Stopwatch.StartNew();

        var error = await Record.ExceptionAsync(() => chat.AskAsync(new Question()).WaitAsync(s_hang));

        var timeout = Assert.IsType<TimeoutException>(error);
        Assert.Contains("GrokClientOptions.Timeout", timeout.Message);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(4), $"took {stopwatch.Elapsed}");
    }

    private static GrokClientOptions Options(StalledListener listener, int maxRetries) => new()
    {
        ApiKey = TestClients.Key,
        BaseAddress = listener.BaseAddress,
        MaxRetries = maxRetries,
    };

    /// <summary>A loopback listener that never accepts, with its accept queue filled so that new handshakes stall.</summary>
    private sealed class StalledListener : IDisposable
    {
        private readonly Socket _listener;
        private readonly List<Socket> _fillers = [];

        private StalledListener(Socket listener) => _listener = listener;

        public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}/v1/");

        public static async Task<StalledListener> StartAsync()
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            socket.Listen(1);
            var stalled = new StalledListener(socket);

            // Connect until a handshake does not complete within a moment: the queue is full from then on.
            for (var i = 0; i < 64; i++)
            {
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                stalled._fillers.Add(filler);
                using var moment = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
                try
                {
                    await filler.ConnectAsync(socket.LocalEndPoint!, moment.Token);
                }
                catch (OperationCanceledException)
                {
                    return stalled;
                }
            }

            stalled.Dispose();
            throw new InvalidOperationException("The loopback accept queue never filled; connections cannot be stalled on this machine.");
        }

        public void Dispose()
        {
            foreach (var filler in _fillers)
            {
                filler.Dispose();
            }

            _listener.Dispose();
        }
    }
}
