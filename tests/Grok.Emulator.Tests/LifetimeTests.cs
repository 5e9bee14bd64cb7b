namespace Grok.Emulator.Tests;

public sealed class LifetimeTests
{
    [Fact]
    public async Task Fixed_port_is_used()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        await using var emulator = await GrokEmulator.StartAsync(new GrokEmulatorOptions { Port = port });
        Assert.Equal(new Uri($"http://127.0.0.1:{port}/v1/"), emulator.BaseAddress);
        using var client = Wire.Client(emulator);
        await Wire.GetJsonAsync(client, "models");
    }

    [Fact]
    public async Task Dispose_ends_an_open_slow_stream_promptly()
    {
        var emulator = await GrokEmulator.StartAsync(new GrokEmulatorOptions { ChunkDelay = TimeSpan.FromSeconds(2) });
        using var client = Wire.Client(emulator);
        using var response = await Wire.PostAsync(client, "chat/completions", Wire.Chat("a b c d e f", "\"stream\":true"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await emulator.DisposeAsync();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), watch.Elapsed.ToString());
        await emulator.DisposeAsync(); // idempotent
    }

    [Fact]
    public async Task Invalid_options_are_rejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => GrokEmulator.StartAsync(new GrokEmulatorOptions { ApiKey = "" }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => GrokEmulator.StartAsync(new GrokEmulatorOptions { Port = -1 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => GrokEmulator.StartAsync(new GrokEmulatorOptions { DeferredPendingPolls = -1 }));
    }

    [Fact]
    public async Task Zero_pending_polls_returns_the_deferred_completion_at_once()
    {
        await using var emulator = await GrokEmulator.StartAsync(new GrokEmulatorOptions { DeferredPendingPolls = 0 });
        using var client = Wire.Client(emulator);
        var id = (await Wire.PostJsonAsync(client, "chat/completions", Wire.Chat("now", "\"deferred\":true"))).GetProperty("request_id").GetString();
        var done = await Wire.GetJsonAsync(client, "chat/deferred-completion/" + id);
        Assert.Equal("chat.completion", done.GetProperty("object").GetString());
    }
}
