namespace Grok.Emulator.Tests;

public sealed class StreamingTests
{
    private static async Task<(HttpResponseMessage Response, string Raw, List<JsonElement> Chunks)> StreamAsync(GrokEmulator emulator, string json)
    {
        using var client = Wire.Client(emulator);
        var response = await Wire.PostAsync(client, "chat/completions", json, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var (raw, data) = await Wire.ReadEventsAsync(response);
        Assert.Equal("[DONE]", data[^1]);
        Assert.EndsWith("data: [DONE]\n\n", raw);
        var chunks = data.Take(data.Count - 1).Select(d =>
        {
            using var document = JsonDocument.Parse(d);
            return document.RootElement.Clone();
        }).ToList();
        return (response, raw, chunks);
    }

    private static string Concat(IEnumerable<JsonElement> chunks, string field)
        => string.Concat(chunks
            .Where(c => c.GetProperty("choices").GetArrayLength() > 0)
            .Select(c => c.GetProperty("choices")[0].GetProperty("delta"))
            .Select(d => d.TryGetProperty(field, out var v) ? v.GetString() : null));

    [Fact]
    public async Task Stream_with_include_usage_ends_with_a_usage_chunk_then_done()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        var (response, _, chunks) = await StreamAsync(emulator, Wire.Chat("Say hi in Portuguese", """ "stream":true,"stream_options":{"include_usage":true}"""));
        using var owned = response;

        var id = chunks[0].GetProperty("id").GetString();
        Assert.All(chunks, c =>
        {
            Assert.Equal(id, c.GetProperty("id").GetString());
            Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString());
            Assert.Equal("grok-4-fast-non-reasoning", c.GetProperty("model").GetString());
        });

        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        Assert.All(chunks.Skip(1), c => Assert.True(c.GetProperty("choices").GetArrayLength() == 0 || !c.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("role", out _)));

        // Word by word: each delta is one word and the space after it.
        var contentChunks = chunks.Where(c => c.GetProperty("choices").GetArrayLength() > 0 && c.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("content", out _)).ToList();
        Assert.Equal(["You ", "said: ", "Say ", "hi ", "in ", "Portuguese"], contentChunks.Select(c => c.GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString()));
        Assert.Equal("You said: Say hi in Portuguese", Concat(chunks, "content"));

        var finish = chunks[^2].GetProperty("choices")[0];
        Assert.Equal("stop", finish.GetProperty("finish_reason").GetString());
        Assert.Empty(finish.GetProperty("delta").EnumerateObject());

        var usageChunk = chunks[^1];
        Assert.Equal(0, usageChunk.GetProperty("choices").GetArrayLength());
        Assert.Equal(6, usageChunk.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        Assert.Equal(7, usageChunk.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
        Assert.All(chunks.Take(chunks.Count - 1), c => Assert.False(c.TryGetProperty("usage", out _)));
    }

    [Fact]
    public async Task Stream_without_include_usage_carries_cumulative_usage_on_every_chunk()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        var (response, _, chunks) = await StreamAsync(emulator, Wire.Chat("one two three", "\"stream\":true"));
        using var owned = response;

        Assert.All(chunks, c => Assert.Equal(1, c.GetProperty("choices").GetArrayLength()));
        var completion = chunks.Select(c => c.GetProperty("usage").GetProperty("completion_tokens").GetInt32()).ToList();
        Assert.Equal([1, 2, 3, 4, 5, 5], completion);
        Assert.Equal("stop", chunks[^1].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal(3 + 3 + 5, chunks[^1].GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task Reasoning_stream_sends_reasoning_deltas_before_content()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        var (response, _, chunks) = await StreamAsync(emulator, Wire.Chat("Why blue?", """ "reasoning_effort":"low","stream":true,"stream_options":{"include_usage":true}""", "grok-3-mini"));
        using var owned = response;

        var first = chunks[0].GetProperty("choices")[0].GetProperty("delta");
        Assert.Equal("assistant", first.GetProperty("role").GetString());
        Assert.True(first.TryGetProperty("reasoning_content", out _));
        var reasoning = Concat(chunks, "reasoning_content");
        Assert.Contains("Why blue?", reasoning);
        Assert.Equal("You said: Why blue?", Concat(chunks, "content"));
        var lastReasoning = chunks.FindLastIndex(c => c.GetProperty("choices").GetArrayLength() > 0 && c.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("reasoning_content", out _));
        var firstContent = chunks.FindIndex(c => c.GetProperty("choices").GetArrayLength() > 0 && c.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("content", out _));
        Assert.True(lastReasoning < firstContent);
        Assert.True(chunks[^1].GetProperty("usage").GetProperty("completion_tokens_details").GetProperty("reasoning_tokens").GetInt32() > 0);
    }

    [Fact]
    public async Task Tool_call_arrives_whole_in_one_delta_with_an_index()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        var tools = """ "tools":[{"type":"function","function":{"name":"add","parameters":{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"integer"}},"required":["a","b"]}}}],"stream":true""";
        var (response, _, chunks) = await StreamAsync(emulator, Wire.Chat("2+3?", tools));
        using var owned = response;

        var delta = chunks[0].GetProperty("choices")[0].GetProperty("delta");
        Assert.Equal("assistant", delta.GetProperty("role").GetString());
        var call = Assert.Single(delta.GetProperty("tool_calls").EnumerateArray());
        Assert.Equal(0, call.GetProperty("index").GetInt32());
        Assert.StartsWith("call_", call.GetProperty("id").GetString());
        Assert.Equal("function", call.GetProperty("type").GetString());
        Assert.Equal("add", call.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("""{"a":1,"b":1}""", call.GetProperty("function").GetProperty("arguments").GetString());
        Assert.Equal("tool_calls", chunks[^1].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
    }

    [Fact]
    public async Task Folded_stream_matches_the_plain_answer()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var json = Wire.Chat("Fold me please", "\"reasoning_effort\":\"low\"", "grok-3-mini");
        var plain = await Wire.PostJsonAsync(client, "chat/completions", json);
        var (response, _, chunks) = await StreamAsync(emulator, json[..^1] + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
        using var owned = response;

        var message = plain.GetProperty("choices")[0].GetProperty("message");
        Assert.Equal(message.GetProperty("content").GetString(), Concat(chunks, "content"));
        Assert.Equal(message.GetProperty("reasoning_content").GetString(), Concat(chunks, "reasoning_content"));
        Assert.Equal(plain.GetProperty("usage").GetRawText(), chunks[^1].GetProperty("usage").GetRawText());
    }

    [Fact]
    public async Task Chunk_delay_spaces_the_frames()
    {
        await using var emulator = await GrokEmulator.StartAsync(new GrokEmulatorOptions { ChunkDelay = TimeSpan.FromMilliseconds(40) });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (response, _, chunks) = await StreamAsync(emulator, Wire.Chat("a b", "\"stream\":true"));
        using var owned = response;
        Assert.Equal(5, chunks.Count); // "You ", "said: ", "a ", "b", finish
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(5 * 40 - 20), watch.Elapsed.ToString());
    }
}
