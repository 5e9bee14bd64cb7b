using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Grok.Responses;

namespace Grok.Tests;

/// <summary>The ready client's Responses API against the emulator over loopback HTTP.</summary>
public sealed class ResponsesClientTests : IAsyncLifetime
{
    private GrokEmulator _emulator = null!;
    private IGrokClient _grok = null!;

    public async Task InitializeAsync()
    {
        _emulator = await GrokEmulator.StartAsync();
        var options = _emulator.CreateClientOptions();
        options.DefaultModel = "grok-4.3";
        _grok = GrokClient.Create<IGrokClient>(options);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task CreateResponseAsync_answers_a_string_input_on_the_default_model_without_changing_the_request()
    {
        var request = new ResponseRequest { Input = "Hello Grok" };

        var response = await _grok.CreateResponseAsync(request);

        Assert.Equal("You said: Hello Grok", response.OutputText);
        Assert.Equal("grok-4.3", response.Model);
        Assert.Equal("completed", response.Status);
        Assert.Null(request.Model);
        using var sent = JsonDocument.Parse(_emulator.Requests[^1].Body);
        Assert.Equal("grok-4.3", sent.RootElement.GetProperty("model").GetString());
        Assert.Equal("Hello Grok", sent.RootElement.GetProperty("input").GetString());
    }

    [Fact]
    public async Task Input_items_from_a_collection_expression_go_out_as_messages()
    {
        var response = await _grok.CreateResponseAsync(new ResponseRequest
        {
            Input = [ResponseInputItem.System("Be brief."), ResponseInputItem.Developer("No emoji."), ResponseInputItem.User("Hi there")],
        });

        Assert.Equal("You said: Hi there", response.OutputText);
        using var sent = JsonDocument.Parse(_emulator.Requests[^1].Body);
        var input = sent.RootElement.GetProperty("input");
        Assert.Equal(["system", "developer", "user"], input.EnumerateArray().Select(i => i.GetProperty("role").GetString()));
        Assert.Equal("Hi there", input[2].GetProperty("content").GetString());
    }

    [Fact]
    public async Task Streamed_response_folds_to_what_the_plain_call_returns()
    {
        var request = new ResponseRequest
        {
            Input = "Search the news",
            Reasoning = new ResponseReasoningOptions { Effort = "high" },
            Tools = [ResponseTool.WebSearch(), ResponseTool.XSearch()],
        };

        var plain = await _grok.CreateResponseAsync(request);
        var events = new List<ResponseStreamEvent>();
        await foreach (var e in _grok.StreamResponseAsync(request))
        {
            events.Add(e);
        }

        var folded = await ToAsync(events).ToResponseAsync();
        Assert.Equal(ResponseStreamEventTypes.Completed, events[^1].Type);
        Assert.All(events, e => Assert.True(ResponseStreamEventTypes.IsKnown(e.Type), e.Type));
        Assert.Equal(plain.OutputText, folded.OutputText);
        Assert.Equal(plain.ReasoningText, folded.ReasoningText);
        Assert.Equal(plain.Output.Select(i => i.GetType()), folded.Output.Select(i => i.GetType()));
        Assert.Equal(plain.Citations.Select(c => c.Url), folded.Citations.Select(c => c.Url));
        Assert.Equal(2, folded.Citations.Count);
        Assert.Equal(plain.Usage!.TotalTokens, folded.Usage!.TotalTokens);
        Assert.IsType<ReasoningItem>(folded.Output[0]);
        Assert.IsType<WebSearchCallItem>(folded.Output[1]);
        Assert.IsType<CustomToolCallItem>(folded.Output[2]);
        Assert.Null(request.Stream);
    }

    [Fact]
    public async Task A_stream_with_a_trailing_done_ends_the_same()
    {
        _emulator.Enqueue(EmulatorResponse.DoneAfterTerminal());

        var folded = await _grok.StreamResponseAsync(new ResponseRequest { Input = "Hi" }).ToResponseAsync();

        Assert.Equal("You said: Hi", folded.OutputText);
        Assert.Equal("completed", folded.Status);
    }

    [Fact]
    public async Task An_error_event_ends_the_stream_with_GrokStreamException_carrying_its_message()
    {
        _emulator.Enqueue(EmulatorResponse.ErrorEvent(3, "Overloaded, try again.", "unavailable"));

        var error = await Assert.ThrowsAsync<GrokStreamException>(() => _grok.StreamResponseAsync(new ResponseRequest { Input = "Hi there" }).ToResponseAsync());

        Assert.Contains("Overloaded, try again.", error.Message);
    }

    [Fact]
    public async Task A_stream_cut_before_its_terminal_event_throws_GrokStreamException()
    {
        _emulator.Enqueue(EmulatorResponse.CutStream(4, endCleanly: true));

        await Assert.ThrowsAsync<GrokStreamException>(() => _grok.StreamResponseAsync(new ResponseRequest { Input = "Hi there friend" }).ToResponseAsync());
    }

    [Fact]
    public async Task A_response_failed_stream_folds_to_a_failed_response_with_its_error()
    {
        _emulator.Enqueue(EmulatorResponse.FailedResponse("The model crashed.", "server_error"));

        var folded = await _grok.StreamResponseAsync(new ResponseRequest { Input = "Hi" }).ToResponseAsync();

        Assert.Equal("failed", folded.Status);
        Assert.Equal("server_error", folded.Error!.Code);
        Assert.Equal("The model crashed.", folded.Error.Message);
    }

    [Fact]
    public async Task Stored_responses_are_fetched_continued_listed_and_deleted()
    {
        var first = await _grok.CreateResponseAsync(new ResponseRequest { Input = [ResponseInputItem.System("Be brief."), ResponseInputItem.User("My name is Ada")] });
        var second = await _grok.CreateResponseAsync(new ResponseRequest { Input = "What is my name?", PreviousResponseId = first.Id });

        var fetched = await _grok.GetResponseAsync(first.Id);
        var items = new List<ResponseInputItem>();
        await foreach (var item in _grok.ListAllResponseInputItemsAsync(first.Id, pageSize: 1))
        {
            items.Add(item);
        }

        var deleted = await _grok.DeleteResponseAsync(first.Id);
        var gone = await Assert.ThrowsAsync<GrokApiException>(() => _grok.GetResponseAsync(first.Id));

        Assert.Equal(first.OutputText, fetched.OutputText);
        Assert.Equal("You said: What is my name? Before that you said: My name is Ada", second.OutputText);
        Assert.Equal(first.Id, second.PreviousResponseId);
        Assert.True(second.Usage!.InputTokensDetails!.CachedTokens > 0);
        Assert.Equal(["system", "user"], items.Cast<ResponseInputMessage>().Select(m => m.Role));
        Assert.All(items, i => Assert.NotNull(i.Id));
        Assert.True(deleted.Deleted);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Compaction_output_sent_back_as_input_carries_the_conversation()
    {
        var compacted = await _grok.CompactResponseAsync(new CompactRequest
        {
            Input = [ResponseInputItem.User("My name is Ada"), ResponseInputItem.Assistant("Hello Ada")],
        });

        var next = await _grok.CreateResponseAsync(new ResponseRequest { Input = ResponseInput.FromItems(compacted.Output).Append(ResponseInputItem.User("Who am I?")) });

        Assert.IsType<CompactionItem>(Assert.Single(compacted.Output));
        Assert.Equal(1, compacted.Usage!.DroppedMessageCount);
        Assert.Equal("You said: Who am I? Before that you said: My name is Ada", next.OutputText);
    }

    [Fact]
    public async Task Function_call_output_sent_back_with_previous_response_id_gets_the_answer()
    {
        var tools = new List<ResponseTool> { ResponseTool.Function<WeatherArguments>("get_weather", "Weather of a city") };

        var first = await _grok.CreateResponseAsync(new ResponseRequest { Input = "Weather in Paris?", Tools = tools });
        var call = Assert.Single(first.FunctionCalls);
        var second = await _grok.CreateResponseAsync(new ResponseRequest
        {
            PreviousResponseId = first.Id,
            Tools = tools,
            Input = [ResponseInputItem.FunctionCallOutput(call.CallId, """{"celsius":21}""")],
        });

        Assert.Equal("get_weather", call.Name);
        Assert.NotNull(JsonSerializer.Deserialize<WeatherArguments>(call.Arguments, GrokJson.DefaultOptions)!.City);
        Assert.Equal("""The function get_weather returned: {"celsius":21}""", second.OutputText);
    }

    [Fact]
    public async Task Limits_are_checked_before_anything_is_sent()
    {
        _emulator.ClearRequests();

        var empty = await Assert.ThrowsAsync<ArgumentException>(() => _grok.CreateResponseAsync(new ResponseRequest { Input = "" }));
        var domains = await Assert.ThrowsAsync<ArgumentException>(() => _grok.CreateResponseAsync(new ResponseRequest
        {
            Input = "x",
            Tools = [ResponseTool.WebSearch(allowedDomains: ["a.com", "b.com", "c.com", "d.com", "e.com", "f.com"])],
        }));
        var both = await Assert.ThrowsAsync<ArgumentException>(() => _grok.CreateResponseAsync(new ResponseRequest
        {
            Input = "x",
            Tools = [ResponseTool.XSearch(allowedXHandles: ["xai"], excludedXHandles: ["elonmusk"])],
        }));
        var collections = await Assert.ThrowsAsync<ArgumentException>(() => _grok.CreateResponseAsync(new ResponseRequest { Input = "x", Tools = [ResponseTool.FileSearch()] }));
        var hot = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _grok.CreateResponseAsync(new ResponseRequest { Input = "x", Temperature = 2.5 }));

        Assert.Contains("Input", empty.Message);
        Assert.Contains("AllowedDomains", domains.Message);
        Assert.Contains("AllowedXHandles", both.Message);
        Assert.Contains("VectorStoreIds", collections.Message);
        Assert.Equal("Temperature", hot.ParamName);
        Assert.Empty(_emulator.Requests);
    }

    [Fact]
    public async Task Tool_factories_send_xais_tool_shapes()
    {
        await _grok.CreateResponseAsync(new ResponseRequest
        {
            Input = "x",
            Tools =
            [
                ResponseTool.WebSearch(excludedDomains: ["spam.com"], enableImageUnderstanding: true),
                ResponseTool.XSearch(allowedXHandles: ["xai"], fromDate: new DateOnly(2026, 1, 2), toDate: new DateOnly(2026, 2, 3), enableVideoUnderstanding: true),
                ResponseTool.CodeInterpreter(),
                ResponseTool.FileSearch(["c1", "c2"], maxNumResults: 3),
                ResponseTool.Mcp("docs", "https://mcp.example.com", allowedTools: ["search"], authorization: "Bearer t", headers: new Dictionary<string, string> { ["X-A"] = "1" }),
                ResponseTool.ImageGeneration("generate"),
            ],
            ToolChoice = "auto",
        });

        using var sent = JsonDocument.Parse(_emulator.Requests[^1].Body);
        RecordingTests.AssertJsonEqual(
            """
            [{"type":"web_search","excluded_domains":["spam.com"],"enable_image_understanding":true},
             {"type":"x_search","allowed_x_handles":["xai"],"from_date":"2026-01-02","to_date":"2026-02-03","enable_video_understanding":true},
             {"type":"code_interpreter"},
             {"type":"file_search","vector_store_ids":["c1","c2"],"max_num_results":3},
             {"type":"mcp","server_label":"docs","server_url":"https://mcp.example.com","allowed_tools":["search"],"authorization":"Bearer t","headers":{"X-A":"1"}},
             {"type":"image_generation","action":"generate"}]
            """,
            sent.RootElement.GetProperty("tools").GetRawText());
        Assert.Equal("auto", sent.RootElement.GetProperty("tool_choice").GetString());
    }

    [Fact]
    public void Requests_and_unknown_members_round_trip_both_ways()
    {
        const string Json = """
            {"model":"grok-4.3","input":[{"role":"user","content":[{"type":"input_text","text":"What is this?"},{"type":"input_image","image_url":"https://example.com/a.png","detail":"high"},{"type":"input_file","file_id":"file_1"}]},
              {"type":"function_call","call_id":"c1","name":"f","arguments":"{}","id":"fc_1","status":"completed"},
              {"type":"function_call_output","call_id":"c1","output":"42"},
              {"type":"compaction","encrypted_content":"abc"},
              {"type":"reasoning","id":"rs_1","summary":[],"encrypted_content":"xyz"},
              {"type":"shell_call_output","call_id":"s1","output":[]}],
             "instructions":"Be brief","previous_response_id":"r0","store":false,"include":["reasoning.encrypted_content"],"max_output_tokens":100,"max_turns":3,
             "reasoning":{"effort":"low"},"text":{"format":{"type":"json_schema","name":"A","schema":{"type":"object"},"strict":true}},
             "tools":[{"type":"function","name":"f","parameters":{"type":"object"}}],"tool_choice":{"type":"function","name":"f"},"parallel_tool_calls":false,
             "prompt_cache_key":"k","service_tier":"priority","safety_identifier":"u1","user":"u","future_flag":{"x":1}}
            """;

        var request = JsonSerializer.Deserialize(Json, GrokJsonContext.Default.ResponseRequest)!;

        Assert.Equal("f", request.ToolChoice!.FunctionName);
        Assert.Equal(3, ((ResponseInputMessage)request.Input![0]).ContentParts!.Count);
        Assert.IsType<FunctionCallItem>(request.Input[1]);
        Assert.IsType<FunctionCallOutputItem>(request.Input[2]);
        Assert.IsType<CompactionItem>(request.Input[3]);
        Assert.Equal("xyz", ((ReasoningItem)request.Input[4]).EncryptedContent);
        Assert.Equal("s1", Assert.IsType<ShellCallOutputItem>(request.Input[5]).CallId);
        Assert.Equal("json_schema", request.Text!.Format!.Type);
        Assert.Equal(1, request.AdditionalProperties!["future_flag"].GetProperty("x").GetInt32());
        RecordingTests.AssertJsonEqual(Json, JsonSerializer.Serialize(request, GrokJsonContext.Default.ResponseRequest));
    }

    [Fact]
    public void Shell_and_tool_search_items_and_tools_are_typed_and_round_trip()
    {
        const string Json = """
            {"id":"r1","object":"response","status":"completed",
             "tools":[{"type":"shell","environment":{"type":"local","skills":[{"name":"s","description":"d","path":"/p"}]}},{"type":"tool_search","execution":"server"},{"type":"function","name":"f","defer_loading":true,"parameters":{"type":"object"}}],
             "output":[{"type":"tool_search_call","id":"ts1","status":"completed","execution":"server","call_id":null,"arguments":{"query":"weather","limit":3}},
                       {"type":"tool_search_output","id":"to1","status":"completed","execution":"server","tools":[{"type":"function","name":"f","parameters":{"type":"object"}}]},
                       {"type":"shell_call","id":"sh1","status":"completed","call_id":"c9","action":{"type":"exec","commands":["ls -la"],"timeout_ms":5000,"max_output_length":1000},"environment":{"type":"local"}}]}
            """;

        var response = JsonSerializer.Deserialize(Json, GrokJsonContext.Default.GrokResponse)!;

        Assert.Equal("weather", Assert.IsType<ToolSearchCallItem>(response.Output[0]).Arguments!.Value.GetProperty("query").GetString());
        Assert.Equal("f", Assert.Single(Assert.IsType<ToolSearchOutputItem>(response.Output[1]).Tools!).Name);
        var shell = Assert.IsType<ShellCallItem>(response.Output[2]);
        Assert.Equal(["ls -la"], shell.Action!.Commands);
        Assert.Equal(5000, shell.Action.TimeoutMs);
        Assert.Equal("local", response.Tools![0].Environment!.Value.GetProperty("type").GetString());
        Assert.Equal("server", response.Tools[1].Execution);
        Assert.True(response.Tools[2].DeferLoading);
        RecordingTests.AssertJsonEqual(Json, JsonSerializer.Serialize(response, GrokJsonContext.Default.GrokResponse), ignoreNulls: true);
    }

    private static async IAsyncEnumerable<ResponseStreamEvent> ToAsync(IEnumerable<ResponseStreamEvent> events)
    {
        foreach (var e in events)
        {
            yield return e;
        }

        await Task.CompletedTask;
    }

    public sealed class WeatherArguments
    {
        public string City { get; set; } = "";
    }
}
