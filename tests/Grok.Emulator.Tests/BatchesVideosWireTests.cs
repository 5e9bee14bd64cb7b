namespace Grok.Emulator.Tests;

/// <summary>The emulator's batches, deferred images and videos on the wire, in xAI's shapes.</summary>
public sealed class BatchesVideosWireTests
{
    [Fact]
    public async Task Batch_moves_one_poll_at_a_time_and_results_come_in_the_specs_shape()
    {
        await using var emulator = await GrokEmulator.StartAsync(new GrokEmulatorOptions { BatchRequestsPerPoll = 1 });
        using var client = Wire.Client(emulator);

        var batch = await Wire.PostJsonAsync(client, "batches", """{"name":"wire"}""");
        var id = batch.GetProperty("batch_id").GetString()!;
        Assert.Equal(0, batch.GetProperty("state").GetProperty("num_requests").GetInt32());
        Assert.True(batch.TryGetProperty("create_time", out _));

        await Wire.PostJsonAsync(client, $"batches/{id}/requests", """
            {"batch_requests":[
              {"batch_request_id":"a","batch_request":{"chat_get_completion":{"model":"grok-4.3","messages":[{"role":"user","content":"hi"}]}}},
              {"batch_request_id":"b","batch_request":{"chat_get_completion":{"model":"grok-4.3","messages":[]}}}
            ]}
            """);

        var polled = await Wire.GetJsonAsync(client, $"batches/{id}");
        Assert.Equal(1, polled.GetProperty("state").GetProperty("num_pending").GetInt32());
        polled = await Wire.GetJsonAsync(client, $"batches/{id}");
        Assert.Equal(0, polled.GetProperty("state").GetProperty("num_pending").GetInt32());
        Assert.Equal(1, polled.GetProperty("state").GetProperty("num_success").GetInt32());
        Assert.Equal(1, polled.GetProperty("state").GetProperty("num_error").GetInt32());

        var results = (await Wire.GetJsonAsync(client, $"batches/{id}/results")).GetProperty("results").EnumerateArray().ToArray();
        var ok = results.Single(r => r.GetProperty("batch_request_id").GetString() == "a").GetProperty("batch_result");
        Assert.Equal("chat.completion", ok.GetProperty("response").GetProperty("chat_get_completion").GetProperty("object").GetString());
        var failed = results.Single(r => r.GetProperty("batch_request_id").GetString() == "b").GetProperty("batch_result");
        Assert.Equal(JsonValueKind.String, failed.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task Cancel_answers_on_the_colon_path_and_unknown_batches_are_404()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var id = (await Wire.PostJsonAsync(client, "batches", """{"name":"c"}""")).GetProperty("batch_id").GetString()!;
        await Wire.PostJsonAsync(client, $"batches/{id}/requests", """{"batch_requests":[{"batch_request":{"chat_get_completion":{"messages":[{"role":"user","content":"x"}]}}}]}""");

        var cancelled = await Wire.PostJsonAsync(client, $"batches/{id}:cancel", "{}");

        Assert.Equal(1, cancelled.GetProperty("state").GetProperty("num_cancelled").GetInt32());
        Assert.True(cancelled.TryGetProperty("cancel_time", out _));
        await Wire.PostJsonAsync(client, $"batches/{id}/requests", """{"batch_requests":[{"batch_request":{"chat_get_completion":{"messages":[{"role":"user","content":"x"}]}}}]}""", HttpStatusCode.BadRequest);
        Wire.AssertXaiError(await Wire.GetJsonAsync(client, "batches/batch_nope", HttpStatusCode.NotFound));
        using var get = await client.GetAsync($"batches/{id}:cancel");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
    }

    [Fact]
    public async Task Video_answers_202_while_pending_then_200_with_the_video()
    {
        await using var emulator = await GrokEmulator.StartAsync(new GrokEmulatorOptions { DeferredPendingPolls = 1 });
        using var client = Wire.Client(emulator);

        var started = await Wire.PostJsonAsync(client, "videos/generations", """{"prompt":"A cat playing with a ball","model":"grok-imagine-video","duration":6}""");
        var id = started.GetProperty("request_id").GetString();

        using var pending = await client.GetAsync("videos/" + id);
        Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);
        var done = await Wire.GetJsonAsync(client, "videos/" + id);
        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.Equal(6, done.GetProperty("video").GetProperty("duration").GetInt32());
        Assert.True(done.GetProperty("video").GetProperty("respect_moderation").GetBoolean());
        Assert.True(done.GetProperty("usage").GetProperty("cost_in_usd_ticks").GetInt64() > 0);
        Wire.AssertXaiError(await Wire.GetJsonAsync(client, "videos/unknown", HttpStatusCode.NotFound));
        await Wire.PostJsonAsync(client, "videos/generations", """{"prompt":"x","duration":99}""", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Deferred_image_answers_202_then_the_images()
    {
        await using var emulator = await GrokEmulator.StartAsync(new GrokEmulatorOptions { DeferredPendingPolls = 1 });
        using var client = Wire.Client(emulator);

        var started = await Wire.PostJsonAsync(client, "images/edits", """{"prompt":"add a hat","image":{"url":"https://example.com/cat.png"},"deferred":true}""");
        var id = started.GetProperty("request_id").GetString();

        using var pending = await client.GetAsync("images/" + id);
        Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);
        var done = await Wire.GetJsonAsync(client, "images/" + id);
        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.Equal(id, done.GetProperty("request_id").GetString());
        Assert.Single(done.GetProperty("data").EnumerateArray());
        await Wire.PostJsonAsync(client, "images/edits", """{"prompt":"add a hat"}""", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Me_and_video_models_are_served()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);

        var me = await Wire.GetJsonAsync(client, "me");
        var videos = await Wire.GetJsonAsync(client, "video-generation-models");

        Assert.Equal("no_zdr", me.GetProperty("zdr_status").GetString());
        Assert.DoesNotContain(emulator.ApiKey, me.GetRawText());
        Assert.Contains(videos.GetProperty("models").EnumerateArray(), m => m.GetProperty("id").GetString() == "grok-imagine-video");
    }
}
