namespace Grok.Emulator.Tests;

public sealed class FaultInjectionTests
{
    // A short stream as api.x.ai sends it (from recordings/xai/grok-4-fast/chat-simple-streaming.yaml).
    private const string RecordedStream =
        "data: {\"id\":\"53ae0d64-4f1a-b4e2-9517-9d20013a1c9c\",\"object\":\"chat.completion.chunk\",\"created\":1773345550,\"model\":\"grok-4-fast-reasoning\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Olá\",\"role\":\"assistant\"}}],\"system_fingerprint\":\"fp_3d7ed3b779\"}\n\n" +
        "data: {\"id\":\"53ae0d64-4f1a-b4e2-9517-9d20013a1c9c\",\"object\":\"chat.completion.chunk\",\"created\":1773345550,\"model\":\"grok-4-fast-reasoning\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"!\"}}],\"system_fingerprint\":\"fp_3d7ed3b779\"}\n\n" +
        "data: {\"id\":\"53ae0d64-4f1a-b4e2-9517-9d20013a1c9c\",\"object\":\"chat.completion.chunk\",\"created\":1773345550,\"model\":\"grok-4-fast-reasoning\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"system_fingerprint\":\"fp_3d7ed3b779\"}\n\n" +
        "data: {\"id\":\"53ae0d64-4f1a-b4e2-9517-9d20013a1c9c\",\"object\":\"chat.completion.chunk\",\"created\":1773345550,\"model\":\"grok-4-fast-reasoning\",\"choices\":[],\"usage\":{\"prompt_tokens\":165,\"completion_tokens\":2,\"total_tokens\":296,\"prompt_tokens_details\":{\"text_tokens\":165,\"audio_tokens\":0,\"image_tokens\":0,\"cached_tokens\":164},\"completion_tokens_details\":{\"reasoning_tokens\":129,\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0},\"num_sources_used\":0,\"cost_in_usd_ticks\":739000},\"system_fingerprint\":\"fp_3d7ed3b779\"}\n\n" +
        "data: [DONE]\n\n";

    private const string StreamRequest = """ "stream":true,"stream_options":{"include_usage":true}""";

    [Fact]
    public async Task Scripted_error_has_status_body_and_headers_then_the_queue_moves_on()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        emulator.Enqueue(EmulatorResponse.Error(503, "Overloaded, try again"));
        emulator.Enqueue(EmulatorResponse.RateLimited(TimeSpan.FromMilliseconds(1500)));
        Assert.Equal(2, emulator.PendingFaults);
        using var client = Wire.Client(emulator);

        using (var first = await Wire.PostAsync(client, "chat/completions", Wire.Chat("hi")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
            Assert.Equal("Overloaded, try again", Wire.AssertXaiError(await Wire.JsonAsync(first)));
        }

        using (var second = await Wire.PostAsync(client, "chat/completions", Wire.Chat("hi")))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(2), second.Headers.RetryAfter?.Delta);
            Assert.Equal("1500", second.Headers.GetValues("retry-after-ms").Single());
            Wire.AssertXaiError(await Wire.JsonAsync(second));
        }

        Assert.Equal(0, emulator.PendingFaults);
        await Wire.PostJsonAsync(client, "chat/completions", Wire.Chat("hi"));
    }

    [Fact]
    public async Task Custom_error_code_and_headers_are_sent_verbatim()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        emulator.Enqueue(new EmulatorResponse
        {
            StatusCode = 429,
            Body = """{"code":"Some resource has been exhausted","error":"Your team has used all available credits."}""",
            Headers = new Dictionary<string, string> { ["x-request-id"] = "req-42" },
        });
        using var client = Wire.Client(emulator);
        using var response = await client.GetAsync("models");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("req-42", response.Headers.GetValues("x-request-id").Single());
        Assert.Contains("credits", Wire.AssertXaiError(await Wire.JsonAsync(response)));
    }

    [Fact]
    public async Task Status_without_body_gets_an_xai_error_body_or_an_empty_one()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        emulator.Enqueue(new EmulatorResponse { StatusCode = 502 });
        emulator.Enqueue(new EmulatorResponse { StatusCode = 202 });
        using var client = Wire.Client(emulator);
        Wire.AssertXaiError(await Wire.GetJsonAsync(client, "models", HttpStatusCode.BadGateway));
        using var accepted = await client.GetAsync("models");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("", await accepted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cut_stream_aborts_the_connection_without_done()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        emulator.Enqueue(EmulatorResponse.CutStream(2));
        using var client = Wire.Client(emulator);
        using var response = await Wire.PostAsync(client, "chat/completions", Wire.Chat("one two three four", StreamRequest), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new System.IO.StreamReader(stream);
        var read = new StringBuilder();
        await Assert.ThrowsAnyAsync<System.IO.IOException>(async () =>
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                read.AppendLine(line);
            }
        });
        Assert.Equal(2, read.ToString().Split('\n').Count(l => l.StartsWith("data: {", StringComparison.Ordinal)));
        Assert.DoesNotContain("[DONE]", read.ToString());
    }

    [Fact]
    public async Task Clean_cut_ends_the_body_without_done()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        emulator.Enqueue(new EmulatorResponse { CutStreamAfterChunks = 3, EndStreamCleanlyAfterCut = true, Headers = new Dictionary<string, string> { ["x-request-id"] = "r1" } });
        using var client = Wire.Client(emulator);
        using var response = await Wire.PostAsync(client, "chat/completions", Wire.Chat("one two three four", StreamRequest), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("r1", response.Headers.GetValues("x-request-id").Single());
        var (raw, data) = await Wire.ReadEventsAsync(response);
        Assert.Equal(3, data.Count);
        Assert.DoesNotContain("[DONE]", raw);
    }

    [Fact]
    public async Task Delay_holds_the_headers_back()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        emulator.Enqueue(EmulatorResponse.Delayed(TimeSpan.FromMilliseconds(300)));
        using var client = Wire.Client(emulator);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var body = await Wire.PostJsonAsync(client, "chat/completions", Wire.Chat("slow"));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(280), watch.Elapsed.ToString());
        Assert.Equal("You said: slow", body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Delay_past_the_client_timeout_times_out()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        emulator.Enqueue(EmulatorResponse.Delayed(TimeSpan.FromSeconds(5)));
        using var client = Wire.Client(emulator);
        client.Timeout = TimeSpan.FromMilliseconds(200);
        await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetAsync("models"));
    }

    [Fact]
    public async Task Recorded_stream_is_replayed_verbatim()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        emulator.Enqueue(EmulatorResponse.Replay(RecordedStream));
        using var client = Wire.Client(emulator);
        using var response = await Wire.PostAsync(client, "chat/completions", Wire.Chat("Say hi in Portuguese", StreamRequest), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(RecordedStream, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Replayed_stream_can_be_cut_too()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        emulator.Enqueue(new EmulatorResponse { StatusCode = 200, Body = RecordedStream, ContentType = "text/event-stream", CutStreamAfterChunks = 2, EndStreamCleanlyAfterCut = true });
        using var client = Wire.Client(emulator);
        using var response = await Wire.PostAsync(client, "chat/completions", Wire.Chat("hi", StreamRequest), HttpCompletionOption.ResponseHeadersRead);
        var (raw, data) = await Wire.ReadEventsAsync(response);
        Assert.Equal(2, data.Count);
        Assert.StartsWith(raw, RecordedStream, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_are_recorded_for_assertions()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        await Wire.PostJsonAsync(client, "chat/completions", Wire.Chat("remember me"));
        await Wire.GetJsonAsync(client, "models?limit=2");

        var requests = emulator.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal("POST", requests[0].Method);
        Assert.Equal("/v1/chat/completions", requests[0].Path);
        Assert.Contains("remember me", requests[0].Body);
        Assert.Equal(GrokEmulator.RedactedHeaderValue, requests[0].Headers["authorization"]);
        Assert.StartsWith("application/json", requests[0].Headers["Content-Type"]);
        Assert.Equal("/v1/models?limit=2", requests[1].Path);
        Assert.Equal("", requests[1].Body);
    }

    [Fact]
    public async Task Base_address_and_client_options_point_at_the_emulator()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
        Assert.EndsWith("/v1/", emulator.BaseAddress.AbsoluteUri);
        var options = emulator.CreateClientOptions();
        Assert.Equal(emulator.BaseAddress, options.BaseAddress);
        Assert.Equal(emulator.ApiKey, options.ApiKey);
    }
}
