namespace Grok.Emulator.Tests;

public sealed class ChatCompletionTests
{
    private const string WeatherTool = """ "tools":[{"type":"function","function":{"name":"weather","description":"Get the weather","parameters":{"type":"object","properties":{"location":{"type":"string"},"days":{"type":"integer"},"scale":{"type":"number"},"metric":{"type":"boolean"},"tags":{"type":"array","items":{"type":"string"}},"extra":{"type":"object"},"optional":{"type":"string"}},"required":["location","days","scale","metric","tags","extra"]}}},{"type":"function","function":{"name":"time","parameters":{"type":"object","properties":{"zone":{"type":"string"}},"required":["zone"]}}}]""";

    [Fact]
    public async Task Plain_completion_has_the_xai_shape()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var body = await Wire.PostJsonAsync(client, "chat/completions", Wire.Chat("Say hi in Portuguese"));

        Assert.True(Guid.TryParse(body.GetProperty("id").GetString(), out _));
        Assert.Equal("chat.completion", body.GetProperty("object").GetString());
        Assert.True(body.GetProperty("created").GetInt64() > 1_700_000_000);
        Assert.Equal("grok-4-fast-non-reasoning", body.GetProperty("model").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("system_fingerprint").GetString()));

        var choice = Assert.Single(body.GetProperty("choices").EnumerateArray());
        Assert.Equal(0, choice.GetProperty("index").GetInt32());
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        var message = choice.GetProperty("message");
        Assert.Equal("assistant", message.GetProperty("role").GetString());
        var content = message.GetProperty("content").GetString()!;
        Assert.Equal("You said: Say hi in Portuguese", content);
        Assert.False(message.TryGetProperty("reasoning_content", out _));

        var usage = body.GetProperty("usage");
        Assert.Equal(7, usage.GetProperty("prompt_tokens").GetInt32()); // "You are terse" + "Say hi in Portuguese"
        Assert.Equal(6, usage.GetProperty("completion_tokens").GetInt32());
        Assert.Equal(13, usage.GetProperty("total_tokens").GetInt32());
        Assert.Equal(7, usage.GetProperty("prompt_tokens_details").GetProperty("text_tokens").GetInt32());
        Assert.Equal(0, usage.GetProperty("prompt_tokens_details").GetProperty("cached_tokens").GetInt32());
        Assert.Equal(0, usage.GetProperty("completion_tokens_details").GetProperty("reasoning_tokens").GetInt32());
        Assert.Equal(0, usage.GetProperty("num_sources_used").GetInt32());
        Assert.Equal(7 * 2_000 + 6 * 5_000, usage.GetProperty("cost_in_usd_ticks").GetInt64());
    }

    [Fact]
    public async Task Answers_are_deterministic_and_grok_4_resolves_to_its_dated_id()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var first = await Wire.PostJsonAsync(client, "chat/completions", Wire.Chat("same words", model: "grok-4"));
        var second = await Wire.PostJsonAsync(client, "chat/completions", Wire.Chat("same words", model: "grok-4"));
        Assert.Equal("grok-4-0709", first.GetProperty("model").GetString());
        Assert.Equal(
            first.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString(),
            second.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        Assert.NotEqual(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Equal("my-model", (await Wire.PostJsonAsync(client, "chat/completions", Wire.Chat("x", model: "my-model"))).GetProperty("model").GetString());
    }

    [Fact]
    public async Task Max_completion_tokens_truncates_with_finish_reason_length()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var body = await Wire.PostJsonAsync(client, "chat/completions", Wire.Chat("one two three four", "\"max_completion_tokens\":2"));
        var choice = body.GetProperty("choices")[0];
        Assert.Equal("length", choice.GetProperty("finish_reason").GetString());
        Assert.Equal("You said:", choice.GetProperty("message").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Offered_tools_are_called_with_sample_arguments()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var body = await Wire.PostJsonAsync(client, "chat/completions", Wire.Chat("Weather in Florence?", WeatherTool + ",\"tool_choice\":\"auto\""));

        var choice = body.GetProperty("choices")[0];
        Assert.Equal("tool_calls", choice.GetProperty("finish_reason").GetString());
        var message = choice.GetProperty("message");
        Assert.Equal("", message.GetProperty("content").GetString());
        var call = Assert.Single(message.GetProperty("tool_calls").EnumerateArray());
        Assert.StartsWith("call_", call.GetProperty("id").GetString());
        Assert.Equal("function", call.GetProperty("type").GetString());
        Assert.Equal("weather", call.GetProperty("function").GetProperty("name").GetString());

        using var arguments = JsonDocument.Parse(call.GetProperty("function").GetProperty("arguments").GetString()!);
        var args = arguments.RootElement;
        Assert.Equal("sample", args.GetProperty("location").GetString());
        Assert.Equal(1, args.GetProperty("days").GetInt32());
        Assert.Equal(1.5, args.GetProperty("scale").GetDouble());
        Assert.True(args.GetProperty("metric").GetBoolean());
        Assert.Equal(0, args.GetProperty("tags").GetArrayLength());
        Assert.Equal(JsonValueKind.Object, args.GetProperty("extra").ValueKind);
        Assert.False(args.TryGetProperty("optional", out _));
    }

    [Fact]
    public async Task Tool_choice_picks_the_named_function_and_none_answers_in_text()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var named = await Wire.PostJsonAsync(client, "chat/completions", Wire.Chat("time?", WeatherTool + ""","tool_choice":{"type":"function","function":{"name":"time"}}"""));
        var call = named.GetProperty("choices")[0].GetProperty("message").GetProperty("tool_calls")[0];
        Assert.Equal("time", call.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("""{"zone":"sample"}""", call.GetProperty("function").GetProperty("arguments").GetString());

        var none = await Wire.PostJsonAsync(client, "chat/completions", Wire.Chat("time?", WeatherTool + ",\"tool_choice\":\"none\""));
        Assert.Equal("stop", none.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal("You said: time?", none.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Tool_result_is_answered_in_text()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var json = """
            {"model":"grok-4-fast","messages":[
              {"role":"user","content":"Weather in Florence?"},
              {"role":"assistant","content":"","tool_calls":[{"id":"call_7","type":"function","function":{"name":"weather","arguments":"{\"location\":\"Florence\"}"}}]},
              {"role":"tool","tool_call_id":"call_7","content":"40 C"}],
            
            """ + WeatherTool + "}";
        var body = await Wire.PostJsonAsync(client, "chat/completions", json);
        var choice = body.GetProperty("choices")[0];
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        Assert.False(choice.GetProperty("message").TryGetProperty("tool_calls", out _));
        var content = choice.GetProperty("message").GetProperty("content").GetString()!;
        Assert.Contains("40 C", content);
        Assert.Contains("weather", content);
    }

    [Fact]
    public async Task Json_schema_answer_fills_required_properties_recursively()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var format = """
            "response_format":{"type":"json_schema","json_schema":{"name":"person","strict":true,"schema":{
              "type":"object",
              "properties":{
                "name":{"type":"string"},"age":{"type":"integer"},"height":{"type":["number","null"]},"kind":{"enum":["a","b"]},
                "address":{"$ref":"#/$defs/address"},
                "pets":{"type":"array","items":{"type":"object","properties":{"species":{"type":"string"}},"required":["species"]}},
                "nickname":{"type":"string"}},
              "required":["name","age","height","kind","address","pets"],
              "$defs":{"address":{"type":"object","properties":{"city":{"type":"string"},"zip":{"type":"integer"}},"required":["city","zip"]}}}}}
            """;
        var body = await Wire.PostJsonAsync(client, "chat/completions", Wire.Chat("Describe a person", format));
        var content = body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
        using var document = JsonDocument.Parse(content);
        var person = document.RootElement;
        Assert.Equal("sample", person.GetProperty("name").GetString());
        Assert.Equal(1, person.GetProperty("age").GetInt32());
        Assert.Equal(1.5, person.GetProperty("height").GetDouble());
        Assert.Equal("a", person.GetProperty("kind").GetString());
        Assert.Equal("sample", person.GetProperty("address").GetProperty("city").GetString());
        Assert.Equal(1, person.GetProperty("address").GetProperty("zip").GetInt32());
        Assert.Equal("sample", Assert.Single(person.GetProperty("pets").EnumerateArray()).GetProperty("species").GetString());
        Assert.False(person.TryGetProperty("nickname", out _));
    }

    [Theory]
    [InlineData("grok-3-mini", "\"reasoning_effort\":\"high\"")]
    [InlineData("grok-4-fast-reasoning", "")]
    public async Task Reasoning_answers_carry_reasoning_content_and_tokens(string model, string extra)
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var body = await Wire.PostJsonAsync(client, "chat/completions", Wire.Chat("Why is the sky blue?", extra, model));
        var message = body.GetProperty("choices")[0].GetProperty("message");
        var reasoning = message.GetProperty("reasoning_content").GetString()!;
        Assert.Contains("Why is the sky blue?", reasoning);
        var usage = body.GetProperty("usage");
        var reasoningTokens = usage.GetProperty("completion_tokens_details").GetProperty("reasoning_tokens").GetInt32();
        Assert.True(reasoningTokens > 0);
        Assert.Equal(
            usage.GetProperty("prompt_tokens").GetInt32() + usage.GetProperty("completion_tokens").GetInt32() + reasoningTokens,
            usage.GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task Deferred_completion_is_pending_then_ready_then_gone()
    {
        await using var emulator = await GrokEmulator.StartAsync(new GrokEmulatorOptions { DeferredPendingPolls = 2 });
        using var client = Wire.Client(emulator);
        var accepted = await Wire.PostJsonAsync(client, "chat/completions", Wire.Chat("later please", "\"deferred\":true"));
        var requestId = accepted.GetProperty("request_id").GetString()!;
        Assert.False(string.IsNullOrEmpty(requestId));

        for (var i = 0; i < 2; i++)
        {
            using var pending = await client.GetAsync("chat/deferred-completion/" + requestId);
            Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);
            Assert.Equal("", await pending.Content.ReadAsStringAsync());
        }

        var done = await Wire.GetJsonAsync(client, "chat/deferred-completion/" + requestId);
        Assert.Equal("chat.completion", done.GetProperty("object").GetString());
        Assert.Equal("You said: later please", done.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());

        Wire.AssertXaiError(await Wire.GetJsonAsync(client, "chat/deferred-completion/" + requestId, HttpStatusCode.NotFound));
    }
}
