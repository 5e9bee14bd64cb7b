using System.Buffers.Binary;

namespace Grok.Emulator.Tests;

public sealed class EndpointTests
{
    [Fact]
    public async Task Models_list_has_the_openai_shape()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var body = await Wire.GetJsonAsync(client, "models");
        Assert.Equal("list", body.GetProperty("object").GetString());
        var ids = body.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Contains("grok-4-0709", ids);
        Assert.Contains("grok-3-mini", ids);
        Assert.All(body.GetProperty("data").EnumerateArray(), m =>
        {
            Assert.Equal("model", m.GetProperty("object").GetString());
            Assert.Equal("xai", m.GetProperty("owned_by").GetString());
            Assert.True(m.GetProperty("created").GetInt64() > 0);
        });

        var one = await Wire.GetJsonAsync(client, "models/grok-4-0709");
        Assert.Equal("grok-4-0709", one.GetProperty("id").GetString());
        Assert.Equal("grok-4-0709", (await Wire.GetJsonAsync(client, "models/grok-4")).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("language-models", "grok-3-mini")]
    [InlineData("embedding-models", "grok-embedding-small")]
    [InlineData("image-generation-models", "grok-2-image-1212")]
    public async Task Typed_model_lists_have_models_with_prices_and_aliases(string path, string id)
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var body = await Wire.GetJsonAsync(client, path);
        var model = body.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("id").GetString() == id);
        Assert.False(string.IsNullOrEmpty(model.GetProperty("fingerprint").GetString()));
        Assert.Equal(JsonValueKind.Array, model.GetProperty("aliases").ValueKind);
        Assert.Equal(JsonValueKind.Array, model.GetProperty("input_modalities").ValueKind);
        Assert.Equal(id, (await Wire.GetJsonAsync(client, path + "/" + id)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Api_key_info_is_redacted()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var body = await Wire.GetJsonAsync(client, "api-key");
        Assert.Equal("xa***ey", body.GetProperty("redacted_api_key").GetString());
        Assert.DoesNotContain(emulator.ApiKey, body.GetRawText());
        Assert.True(body.GetProperty("acls").GetArrayLength() > 0);
        Assert.False(body.GetProperty("team_blocked").GetBoolean());
        Assert.False(body.GetProperty("api_key_blocked").GetBoolean());
        Assert.False(body.GetProperty("api_key_disabled").GetBoolean());
    }

    [Fact]
    public async Task Embeddings_are_deterministic_and_base64_matches_floats()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var floats = await Wire.PostJsonAsync(client, "embeddings", """{"model":"grok-embedding-small","input":["alpha","beta","alpha"]}""");
        Assert.Equal("list", floats.GetProperty("object").GetString());
        var data = floats.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(3, data.Count);
        var vectors = data.Select(d => d.GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToList();
        Assert.All(vectors, v => Assert.Equal(8, v.Length));
        Assert.Equal(vectors[0], vectors[2]);
        Assert.NotEqual(vectors[0], vectors[1]);
        Assert.Equal([0, 1, 2], data.Select(d => d.GetProperty("index").GetInt32()));
        Assert.Equal(3, floats.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());

        var base64 = await Wire.PostJsonAsync(client, "embeddings", """{"model":"grok-embedding-small","input":"alpha","encoding_format":"base64"}""");
        var bytes = Convert.FromBase64String(base64.GetProperty("data")[0].GetProperty("embedding").GetString()!);
        var decoded = Enumerable.Range(0, bytes.Length / 4).Select(i => BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4))).ToArray();
        Assert.Equal(vectors[0], decoded);

        var sized = await Wire.PostJsonAsync(client, "embeddings", """{"input":"alpha","dimensions":32}""");
        Assert.Equal(32, sized.GetProperty("data")[0].GetProperty("embedding").GetArrayLength());
    }

    [Fact]
    public async Task More_than_128_embedding_inputs_is_400()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var input = JsonSerializer.Serialize(Enumerable.Range(0, 129).Select(i => "t" + i).ToArray());
        Wire.AssertXaiError(await Wire.PostJsonAsync(client, "embeddings", "{\"input\":" + input + "}", HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Tokenize_splits_on_spaces_with_stable_ids()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var body = await Wire.PostJsonAsync(client, "tokenize-text", """{"text":"hello world world","model":"grok-4"}""");
        var tokens = body.GetProperty("token_ids").EnumerateArray().ToList();
        Assert.Equal(3, tokens.Count);
        Assert.Equal(["hello", " world", " world"], tokens.Select(t => t.GetProperty("string_token").GetString()));
        Assert.Equal(tokens[1].GetProperty("token_id").GetInt32(), tokens[2].GetProperty("token_id").GetInt32());
        Assert.Equal(Encoding.UTF8.GetBytes(" world").Select(b => (int)b), tokens[1].GetProperty("token_bytes").EnumerateArray().Select(b => b.GetInt32()));
    }

    [Fact]
    public async Task Images_come_as_urls_or_base64_and_n_is_bounded()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var urls = await Wire.PostJsonAsync(client, "images/generations", """{"model":"grok-2-image","prompt":"a cat","n":3}""");
        var data = urls.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(3, data.Count);
        Assert.All(data, d => Assert.StartsWith("https://", d.GetProperty("url").GetString()));

        var b64 = await Wire.PostJsonAsync(client, "images/generations", """{"prompt":"a cat","response_format":"b64_json"}""");
        var png = Convert.FromBase64String(b64.GetProperty("data")[0].GetProperty("b64_json").GetString()!);
        Assert.Equal(0x89, png[0]);
        Assert.Equal((byte)'P', png[1]);

        Wire.AssertXaiError(await Wire.PostJsonAsync(client, "images/generations", """{"prompt":"a cat","n":11}""", HttpStatusCode.BadRequest));
        Wire.AssertXaiError(await Wire.PostJsonAsync(client, "images/generations", """{"prompt":"a cat","n":0}""", HttpStatusCode.BadRequest));
    }
}
