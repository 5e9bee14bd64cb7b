using System.Diagnostics;

namespace Grok.Emulator.Tests;

/// <summary>The emulator keeps bounded state and refuses absurd requests, whatever a test (or a fuzzer) sends it.</summary>
public sealed class BoundedStateTests
{
    [Theory]
    [InlineData(17)]
    [InlineData(int.MaxValue)]
    public async Task Absurd_n_is_refused_with_400(int n)
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);

        var body = await Wire.PostJsonAsync(client, "chat/completions", Wire.Chat("hi", $"\"n\":{n}"), HttpStatusCode.BadRequest);

        Assert.Contains("MaxChoices", Wire.AssertXaiError(body));
    }

    [Fact]
    public async Task Json_schema_that_fans_out_is_refused_with_400_quickly()
    {
        // Eight nested levels of arrays of ten: a sample answer would hold 10^8 values.
        var schema = "{\"type\":\"string\"}";
        for (var i = 0; i < 8; i++)
        {
            schema = $"{{\"type\":\"array\",\"minItems\":10,\"items\":{schema}}}";
        }

        schema = $"{{\"type\":\"object\",\"required\":[\"a\"],\"properties\":{{\"a\":{schema}}}}}";
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var stopwatch = Stopwatch.StartNew();

        var body = await Wire.PostJsonAsync(
            client,
            "chat/completions",
            Wire.Chat("hi", $"\"response_format\":{{\"type\":\"json_schema\",\"json_schema\":{{\"name\":\"deep\",\"schema\":{schema}}}}}"),
            HttpStatusCode.BadRequest);

        Assert.Contains("MaxSchemaNodes", Wire.AssertXaiError(body));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Request_log_is_capped_and_keeps_no_Authorization_value()
    {
        await using var emulator = await GrokEmulator.StartAsync(new GrokEmulatorOptions { MaxRecordedRequests = 5 });
        using var client = Wire.Client(emulator);

        for (var i = 0; i < 12; i++)
        {
            await Wire.GetJsonAsync(client, "models?i=" + i);
        }

        var requests = emulator.Requests;
        Assert.Equal(5, requests.Count);
        Assert.Equal("/v1/models?i=11", requests[^1].Path);
        Assert.Equal("/v1/models?i=7", requests[0].Path);
        Assert.All(requests, r => Assert.Equal(GrokEmulator.RedactedHeaderValue, r.Headers["Authorization"]));
        Assert.DoesNotContain(requests, r => r.Headers.Values.Any(v => v.Contains(emulator.ApiKey, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Deferred_store_is_capped_the_oldest_forgotten_first()
    {
        await using var emulator = await GrokEmulator.StartAsync(new GrokEmulatorOptions { MaxDeferredCompletions = 3, DeferredPendingPolls = 0 });
        using var client = Wire.Client(emulator);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var started = await Wire.PostJsonAsync(client, "chat/completions", Wire.Chat("later " + i, "\"deferred\":true"));
            ids.Add(started.GetProperty("request_id").GetString()!);
        }

        await Wire.GetJsonAsync(client, "chat/deferred-completion/" + ids[0], HttpStatusCode.NotFound);
        await Wire.GetJsonAsync(client, "chat/deferred-completion/" + ids[1], HttpStatusCode.NotFound);
        var kept = await Wire.GetJsonAsync(client, "chat/deferred-completion/" + ids[4]);
        Assert.Contains("later 4", kept.GetRawText());
    }
}
