namespace Grok.Emulator.Tests;

/// <summary>The emulator's Responses API on the wire: plain and streamed answers, storage, tools, faults.</summary>
public sealed class ResponsesTests
{
    private static string Request(string input, string extra = "", string model = "grok-4.3")
        => $$"""{"model":"{{model}}","input":{{JsonSerializer.Serialize(input)}}{{(extra.Length > 0 ? "," + extra : "")}}}""";

    /// <summary>Reads a Responses stream: each frame's <c>event:</c> name and <c>data:</c> JSON, and whether <c>[DONE]</c> came.</summary>
    private static async Task<(List<(string Name, JsonElement Data)> Events, bool Done, string Raw)> StreamAsync(GrokEmulator emulator, string json)
    {
        using var client = Wire.Client(emulator);
        using var response = await Wire.PostAsync(client, "responses", json, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var raw = await response.Content.ReadAsStringAsync();
        var events = new List<(string, JsonElement)>();
        var done = false;
        foreach (var frame in raw.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            if (frame == "data: [DONE]")
            {
                done = true;
                continue;
            }

            var lines = frame.Split('\n');
            Assert.StartsWith("event: ", lines[0]);
            Assert.StartsWith("data: ", lines[1]);
            using var document = JsonDocument.Parse(lines[1]["data: ".Length..]);
            events.Add((lines[0]["event: ".Length..], document.RootElement.Clone()));
        }

        return (events, done, raw);
    }

    [Fact]
    public async Task Plain_response_says_what_the_user_said_with_usage_and_is_stored()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);

        var response = await Wire.PostJsonAsync(client, "responses", Request("Hello there"));

        Assert.Equal("response", response.GetProperty("object").GetString());
        Assert.Equal("completed", response.GetProperty("status").GetString());
        var message = response.GetProperty("output")[0];
        Assert.Equal("message", message.GetProperty("type").GetString());
        Assert.Equal("assistant", message.GetProperty("role").GetString());
        Assert.Equal("You said: Hello there", message.GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal(4, response.GetProperty("usage").GetProperty("output_tokens").GetInt32());
        Assert.True(response.GetProperty("usage").GetProperty("cost_in_usd_ticks").GetInt64() > 0);

        var id = response.GetProperty("id").GetString()!;
        var stored = await Wire.GetJsonAsync(client, "responses/" + id);
        Assert.Equal(id, stored.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Stream_is_named_events_with_sequence_numbers_ending_with_the_terminal_event_and_no_done()
    {
        await using var emulator = await GrokEmulator.StartAsync();

        var (events, done, _) = await StreamAsync(emulator, Request("Say hi", """ "stream":true"""));

        Assert.False(done);
        Assert.All(events, e => Assert.Equal(e.Name, e.Data.GetProperty("type").GetString()));
        Assert.Equal(Enumerable.Range(0, events.Count), events.Select(e => e.Data.GetProperty("sequence_number").GetInt32()));
        Assert.Equal("response.created", events[0].Name);
        Assert.Equal("response.in_progress", events[1].Name);
        Assert.Equal("response.completed", events[^1].Name);
        Assert.Equal("You said: Say hi", string.Concat(events.Where(e => e.Name == "response.output_text.delta").Select(e => e.Data.GetProperty("delta").GetString())));
        var final = events[^1].Data.GetProperty("response");
        Assert.Equal("completed", final.GetProperty("status").GetString());
        Assert.Equal("You said: Say hi", final.GetProperty("output")[0].GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Done_follows_the_terminal_event_only_when_asked()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        emulator.Enqueue(EmulatorResponse.DoneAfterTerminal());

        var (events, done, raw) = await StreamAsync(emulator, Request("Say hi", """ "stream":true"""));

        Assert.True(done);
        Assert.EndsWith("data: [DONE]\n\n", raw);
        Assert.Equal("response.completed", events[^1].Name);
    }

    [Fact]
    public async Task Error_event_fault_ends_the_stream_after_n_events()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        emulator.Enqueue(EmulatorResponse.ErrorEvent(3, "Overloaded, try again.", "unavailable"));

        var (events, done, _) = await StreamAsync(emulator, Request("Say hi", """ "stream":true"""));

        Assert.False(done);
        Assert.Equal(4, events.Count);
        Assert.Equal("error", events[^1].Name);
        Assert.Equal("unavailable", events[^1].Data.GetProperty("code").GetString());
        Assert.Equal("Overloaded, try again.", events[^1].Data.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Cut_stream_fault_stops_after_n_events_without_a_terminal_event()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        emulator.Enqueue(EmulatorResponse.CutStream(5, endCleanly: true));

        var (events, _, _) = await StreamAsync(emulator, Request("Say hi there friend", """ "stream":true"""));

        Assert.Equal(5, events.Count);
        Assert.DoesNotContain(events, e => e.Name == "response.completed");
    }

    [Fact]
    public async Task Failed_response_fault_gives_a_failed_plain_answer_and_a_response_failed_stream()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        emulator.Enqueue(EmulatorResponse.FailedResponse("The model crashed.", "server_error"));
        emulator.Enqueue(EmulatorResponse.FailedResponse("The model crashed again."));

        var plain = await Wire.PostJsonAsync(client, "responses", Request("Hi"));
        var (events, _, _) = await StreamAsync(emulator, Request("Hi", """ "stream":true"""));

        Assert.Equal("failed", plain.GetProperty("status").GetString());
        Assert.Equal("server_error", plain.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("response.failed", events[^1].Name);
        Assert.Equal("The model crashed again.", events[^1].Data.GetProperty("response").GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Previous_response_id_continues_a_stored_conversation()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);

        var first = await Wire.PostJsonAsync(client, "responses", Request("My name is Ada"));
        var id = first.GetProperty("id").GetString()!;
        var second = await Wire.PostJsonAsync(client, "responses", Request("What is my name?", $$""" "previous_response_id":"{{id}}" """));

        Assert.Equal(id, second.GetProperty("previous_response_id").GetString());
        Assert.Equal("You said: What is my name? Before that you said: My name is Ada", second.GetProperty("output")[0].GetProperty("content")[0].GetProperty("text").GetString());
        Assert.True(second.GetProperty("usage").GetProperty("input_tokens_details").GetProperty("cached_tokens").GetInt32() > 0);
    }

    [Fact]
    public async Task Unknown_previous_response_id_is_404_and_store_false_is_not_kept()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);

        var missing = await Wire.PostJsonAsync(client, "responses", Request("Hi", """ "previous_response_id":"nope" """), HttpStatusCode.NotFound);
        var unstored = await Wire.PostJsonAsync(client, "responses", Request("Hi", """ "store":false """));
        var lookup = await Wire.GetJsonAsync(client, "responses/" + unstored.GetProperty("id").GetString(), HttpStatusCode.NotFound);

        Assert.Contains("nope", Wire.AssertXaiError(missing));
        Wire.AssertXaiError(lookup);
    }

    [Fact]
    public async Task Delete_removes_a_stored_response()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var id = (await Wire.PostJsonAsync(client, "responses", Request("Hi"))).GetProperty("id").GetString()!;

        using var deleted = await client.DeleteAsync("responses/" + id);
        var body = await Wire.JsonAsync(deleted);
        using var again = await client.DeleteAsync("responses/" + id);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.True(body.GetProperty("deleted").GetBoolean());
        Assert.Equal(id, body.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Function_tools_get_a_scripted_function_call_and_its_output_gets_an_answer()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        const string Tools = """ "tools":[{"type":"function","name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}] """;

        var first = await Wire.PostJsonAsync(client, "responses", Request("Weather in Paris?", Tools));
        var call = first.GetProperty("output")[0];
        var callId = call.GetProperty("call_id").GetString()!;
        var second = await Wire.PostJsonAsync(client, "responses", $$"""
            {"model":"grok-4.3","previous_response_id":"{{first.GetProperty("id").GetString()}}",{{Tools}},
             "input":[{"type":"function_call_output","call_id":"{{callId}}","output":"{\"temp\":21}"}]}
            """);

        Assert.Equal("function_call", call.GetProperty("type").GetString());
        Assert.Equal("get_weather", call.GetProperty("name").GetString());
        Assert.True(JsonDocument.Parse(call.GetProperty("arguments").GetString()!).RootElement.TryGetProperty("city", out _));
        Assert.Equal("The function get_weather returned: {\"temp\":21}", second.GetProperty("output")[0].GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Server_side_tools_give_scripted_calls_citations_and_tool_usage()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);

        var response = await Wire.PostJsonAsync(client, "responses", Request("xAI news", """ "tools":[{"type":"web_search"},{"type":"x_search"},{"type":"code_interpreter"},{"type":"file_search","vector_store_ids":["c1"]},{"type":"mcp","server_label":"docs","server_url":"https://mcp.example.com"}] """));

        var output = response.GetProperty("output").EnumerateArray().ToList();
        Assert.Equal(["web_search_call", "custom_tool_call", "code_interpreter_call", "file_search_call", "mcp_call", "message"], output.Select(o => o.GetProperty("type").GetString()));
        var annotations = output[^1].GetProperty("content")[0].GetProperty("annotations");
        Assert.Equal(2, annotations.GetArrayLength());
        Assert.All(annotations.EnumerateArray(), a => Assert.Equal("url_citation", a.GetProperty("type").GetString()));
        var usage = response.GetProperty("usage");
        Assert.Equal(5, usage.GetProperty("num_server_side_tools_used").GetInt32());
        Assert.Equal(1, usage.GetProperty("server_side_tool_usage_details").GetProperty("web_search_calls").GetInt32());
        Assert.Equal("docs", output[4].GetProperty("server_label").GetString());
    }

    [Fact]
    public async Task Reasoning_effort_gives_a_reasoning_item_and_reasoning_tokens_and_encrypted_content_when_included()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);

        var response = await Wire.PostJsonAsync(client, "responses", Request("Why is the sky blue?", """ "reasoning":{"effort":"high"},"include":["reasoning.encrypted_content"] """));

        var reasoning = response.GetProperty("output")[0];
        Assert.Equal("reasoning", reasoning.GetProperty("type").GetString());
        Assert.StartsWith("Thinking about the request", reasoning.GetProperty("summary")[0].GetProperty("text").GetString());
        Assert.False(string.IsNullOrEmpty(reasoning.GetProperty("encrypted_content").GetString()));
        Assert.True(response.GetProperty("usage").GetProperty("output_tokens_details").GetProperty("reasoning_tokens").GetInt32() > 0);
    }

    [Fact]
    public async Task Max_output_tokens_cuts_the_answer_as_incomplete()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);

        var response = await Wire.PostJsonAsync(client, "responses", Request("one two three four five", """ "max_output_tokens":3 """));

        Assert.Equal("incomplete", response.GetProperty("status").GetString());
        Assert.Equal("max_output_tokens", response.GetProperty("incomplete_details").GetProperty("reason").GetString());
        Assert.Equal("You said: one", response.GetProperty("output")[0].GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Input_items_are_listed_in_pages()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var id = (await Wire.PostJsonAsync(client, "responses", """
            {"model":"grok-4.3","input":[{"role":"system","content":"Be brief"},{"role":"user","content":"a"},{"role":"user","content":"b"}]}
            """)).GetProperty("id").GetString()!;

        var first = await Wire.GetJsonAsync(client, $"responses/{id}/input_items?limit=2");
        var second = await Wire.GetJsonAsync(client, $"responses/{id}/input_items?limit=2&after={first.GetProperty("last_id").GetString()}");

        Assert.Equal("list", first.GetProperty("object").GetString());
        Assert.True(first.GetProperty("has_more").GetBoolean());
        Assert.Equal(2, first.GetProperty("data").GetArrayLength());
        Assert.False(second.GetProperty("has_more").GetBoolean());
        Assert.Equal("b", second.GetProperty("data")[0].GetProperty("content").GetString());
        Assert.All(first.GetProperty("data").EnumerateArray(), item => Assert.False(string.IsNullOrEmpty(item.GetProperty("id").GetString())));
    }

    [Fact]
    public async Task Compact_returns_one_compaction_item_the_next_request_understands()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);

        var compacted = await Wire.PostJsonAsync(client, "responses/compact", """
            {"model":"grok-4.3","input":[{"role":"user","content":"My name is Ada"},{"role":"assistant","content":"Hi Ada"}]}
            """);
        var item = compacted.GetProperty("output")[0];
        var next = await Wire.PostJsonAsync(client, "responses", $$"""{"model":"grok-4.3","input":[{{item.GetRawText()}},{"role":"user","content":"Who am I?"}]}""");

        Assert.Equal("response.compaction", compacted.GetProperty("object").GetString());
        Assert.Equal("compaction", item.GetProperty("type").GetString());
        Assert.Equal(1, compacted.GetProperty("usage").GetProperty("dropped_message_count").GetInt32());
        Assert.Equal("You said: Who am I? Before that you said: My name is Ada", next.GetProperty("output")[0].GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Invalid_requests_are_refused_with_xai_errors()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);

        var empty = await Wire.PostJsonAsync(client, "responses", """{"model":"grok-4.3","input":""}""", HttpStatusCode.BadRequest);
        var hot = await Wire.PostJsonAsync(client, "responses", Request("hi", """ "temperature":5 """), HttpStatusCode.BadRequest);
        using var put = await client.PutAsync("responses/abc", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Contains("Input", Wire.AssertXaiError(empty));
        Assert.Contains("Temperature", Wire.AssertXaiError(hot));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
    }
}

/// <summary>The emulator keeps its Responses store bounded.</summary>
public sealed class ResponsesStoreTests
{
    [Fact]
    public async Task The_store_keeps_the_newest_responses_and_forgets_the_oldest_beyond_its_cap()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var ids = new List<string>();
        for (var i = 0; i <= 1000; i++)
        {
            ids.Add((await Wire.PostJsonAsync(client, "responses", """{"model":"grok-4.3","input":"x"}""")).GetProperty("id").GetString()!);
        }

        await Wire.GetJsonAsync(client, "responses/" + ids[0], HttpStatusCode.NotFound);
        await Wire.GetJsonAsync(client, "responses/" + ids[1]);
        await Wire.GetJsonAsync(client, "responses/" + ids[^1]);
    }
}
