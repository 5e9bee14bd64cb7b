using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Grok.Responses;

namespace Grok.Tests;

/// <summary>The Responses wire models against real recorded api.x.ai traffic: nothing dropped, everything typed, streams fold.</summary>
public sealed class ResponsesRecordingTests
{
    [Fact]
    public void Every_recording_is_here()
    {
        Assert.Equal(3, ResponsesRecordings.PlainBodies.Count());
        Assert.Equal(4, ResponsesRecordings.Streams.Count());
    }

    [Theory]
    [MemberData(nameof(ResponsesRecordings.PlainBodies), MemberType = typeof(ResponsesRecordings))]
    public void Recorded_plain_body_parses_into_typed_items_and_round_trips(string file)
    {
        var json = ResponsesRecordings.Read(file);

        var response = JsonSerializer.Deserialize(json, GrokJsonContext.Default.GrokResponse)!;

        Assert.Equal("response", response.Object);
        Assert.Equal("completed", response.Status);
        Assert.NotEmpty(response.Id);
        Assert.NotEmpty(response.OutputText);
        Assert.DoesNotContain(response.Output, item => item is UnknownResponseItem);
        Assert.Null(response.AdditionalProperties);
        Assert.All(response.Output, item => Assert.Null(item.AdditionalProperties));
        Assert.True(response.Usage!.TotalTokens > 0);
        Assert.NotNull(response.Usage.InputTokensDetails?.CachedTokens);
        Assert.NotNull(response.Usage.OutputTokensDetails?.ReasoningTokens);
        Assert.Equal(1, response.Usage.NumServerSideToolsUsed);
        Assert.Null(response.Usage.AdditionalProperties);

        // Members the recording sends as null carry nothing; everything else comes back as it came.
        RecordingTests.AssertJsonEqual(json, JsonSerializer.Serialize(response, GrokJsonContext.Default.GrokResponse), ignoreNulls: true);
    }

    [Fact]
    public void Web_search_body_has_a_typed_search_call_and_url_citations()
    {
        var response = Parse("xai-web-search-tool.1.json");

        var search = Assert.IsType<WebSearchCallItem>(response.Output[0]);
        Assert.Equal("web_search", search.Name);
        Assert.Contains("what is xAI", search.Arguments);
        Assert.Equal("completed", search.Status);
        var message = Assert.IsType<ResponseMessageItem>(response.Output[1]);
        Assert.Equal(5, message.Annotations.Count);
        Assert.Equal(5, response.Citations.Count);
        Assert.All(response.Citations, c => Assert.Equal("url_citation", c.Type));
        Assert.Contains(response.Citations, c => c.Url == "https://x.ai/company");
        Assert.Equal("web_search", Assert.Single(response.Tools!).Type);
        Assert.Equal(1941, response.Usage!.InputTokens);
        Assert.Equal(947, response.Usage.InputTokensDetails!.CachedTokens);
        Assert.Equal(380, response.Usage.OutputTokensDetails!.ReasoningTokens);
    }

    [Fact]
    public void Code_execution_body_has_a_typed_code_interpreter_call()
    {
        var response = Parse("xai-code-execution-tool.1.json");

        var call = Assert.IsType<CodeInterpreterCallItem>(response.Output[0]);
        Assert.Equal("code_execution", call.Name);
        Assert.Contains("fibonacci", call.Arguments);
        Assert.Equal("55", response.OutputText);
    }

    [Fact]
    public void Image_generation_body_has_the_image_the_full_usage_and_cost()
    {
        var response = Parse("xai-image-generation-tool.1.json");

        var image = Assert.IsType<ImageGenerationCallItem>(response.Output[0]);
        Assert.Equal("ZmFrZUltYWdlQmFzZTY0RGF0YQ==", image.Result);
        Assert.StartsWith("A cute robot", image.Prompt);
        Assert.Equal(123456, response.Usage!.CostInUsdTicks);
        Assert.Equal(0.0000123456m, response.Usage.CostInUsd);
        Assert.Equal(1, response.Usage.ServerSideToolUsageDetails!.ImageGenerationCalls);
        Assert.Equal(80, response.Usage.ContextDetails!.InputTokens);
        Assert.Equal("high", response.Reasoning!.Effort);
        Assert.Equal(1700000000, response.CompletedAt);
    }

    [Theory]
    [MemberData(nameof(ResponsesRecordings.Streams), MemberType = typeof(ResponsesRecordings))]
    public void Every_recorded_event_is_a_known_type_with_every_member_modelled(string file)
    {
        var lines = ResponsesRecordings.Events(file);

        var events = lines.Select(line => JsonSerializer.Deserialize(line, GrokJsonContext.Default.ResponseStreamEvent)!).ToList();

        Assert.Equal(lines.Count, events.Count);
        Assert.All(events, e => Assert.True(ResponseStreamEventTypes.IsKnown(e.Type), e.Type));
        Assert.All(events, e => Assert.Null(e.AdditionalProperties));
        Assert.Equal(Enumerable.Range(0, events.Count).Select(i => (long)i), events.Select(e => e.SequenceNumber!.Value));
        Assert.True(events[^1].IsTerminal);
        Assert.Equal(1, events.Count(e => e.IsTerminal));
        for (var i = 0; i < lines.Count; i++)
        {
            RecordingTests.AssertJsonEqual(lines[i], JsonSerializer.Serialize(events[i], GrokJsonContext.Default.ResponseStreamEvent), ignoreNulls: true);
        }
    }

    [Theory]
    [MemberData(nameof(ResponsesRecordings.Streams), MemberType = typeof(ResponsesRecordings))]
    public void Deltas_alone_fold_to_the_terminal_events_text_citations_and_reasoning(string file)
    {
        var events = ParseEvents(file);
        var terminal = events[^1].Response!;
        var accumulator = new ResponseAccumulator();

        // Without the finished items and the terminal event, only the deltas say what was generated.
        foreach (var e in events.Where(e => e.Type != ResponseStreamEventTypes.OutputItemDone && !e.IsTerminal))
        {
            accumulator.Add(e);
        }

        var folded = accumulator.Build();
        Assert.False(accumulator.IsComplete);
        Assert.Equal(terminal.Id, folded.Id);
        Assert.Equal(terminal.OutputText, folded.OutputText);
        Assert.Equal(terminal.Citations.Select(c => c.Url), folded.Citations.Select(c => c.Url));
        Assert.Equal(terminal.ReasoningText, folded.ReasoningText);
        Assert.Equal(terminal.Output.Select(i => i.Type), folded.Output.Select(i => i.Type));
    }

    [Theory]
    [MemberData(nameof(ResponsesRecordings.StreamFramings), MemberType = typeof(ResponsesRecordings))]
    public async Task Recorded_stream_replayed_over_http_yields_every_event_typed_and_folds_to_its_terminal_response(string file, bool eventLines, bool done)
    {
        var lines = ResponsesRecordings.Events(file);
        await using var emulator = await GrokEmulator.StartAsync();
        var client = GrokClient.Create<IGrokClient>(emulator.CreateClientOptions());
        emulator.Enqueue(EmulatorResponse.Replay(ResponsesRecordings.Frame(lines, eventLines, done)));

        var events = new List<ResponseStreamEvent>();
        await foreach (var e in client.StreamResponseAsync(new ResponseRequest { Model = "grok-4", Input = "replay" }))
        {
            events.Add(e);
        }

        Assert.Equal(lines.Count, events.Count);
        Assert.All(events, e => Assert.True(ResponseStreamEventTypes.IsKnown(e.Type), e.Type));
        var terminal = JsonSerializer.Deserialize(lines[^1], GrokJsonContext.Default.ResponseStreamEvent)!.Response!;
        var folded = await ToAsync(events).ToResponseAsync();
        RecordingTests.AssertJsonEqual(
            JsonSerializer.Serialize(terminal, GrokJsonContext.Default.GrokResponse),
            JsonSerializer.Serialize(folded, GrokJsonContext.Default.GrokResponse));
        Assert.Equal(terminal.OutputText, folded.OutputText);
        Assert.NotEmpty(folded.OutputText);
        Assert.Equal(terminal.Usage!.TotalTokens, folded.Usage!.TotalTokens);
        Assert.Equal(terminal.Usage.OutputTokensDetails!.ReasoningTokens, folded.Usage.OutputTokensDetails!.ReasoningTokens);
        Assert.Equal(terminal.Citations.Count, folded.Citations.Count);
        Assert.Equal("completed", folded.Status);
    }

    [Theory]
    [MemberData(nameof(ResponsesRecordings.StreamDialects), MemberType = typeof(ResponsesRecordings))]
    public async Task Recorded_stream_cut_before_its_terminal_event_throws_GrokStreamException(string file, bool eventLines)
    {
        var lines = ResponsesRecordings.Events(file);
        await using var emulator = await GrokEmulator.StartAsync();
        var client = GrokClient.Create<IGrokClient>(emulator.CreateClientOptions());

        // The body ends cleanly, but one event short: a cut stream must never pass for a finished one.
        emulator.Enqueue(EmulatorResponse.Replay(ResponsesRecordings.Frame(lines.Take(lines.Count - 1), eventLines, done: false)));

        var seen = 0;
        await Assert.ThrowsAsync<GrokStreamException>(async () =>
        {
            await foreach (var e in client.StreamResponseAsync(new ResponseRequest { Model = "grok-4", Input = "replay" }))
            {
                seen++;
            }
        });
        Assert.Equal(lines.Count - 1, seen);
    }

    [Fact]
    public void A_response_failed_event_folds_to_a_failed_response_with_its_error()
    {
        var accumulator = new ResponseAccumulator();
        accumulator.Add(Event("""{"type":"response.created","sequence_number":0,"response":{"id":"r1","object":"response","status":"in_progress","output":[]}}"""));
        accumulator.Add(Event("""{"type":"response.output_text.delta","sequence_number":1,"output_index":0,"content_index":0,"delta":"Hal"}"""));
        accumulator.Add(Event("""{"type":"response.failed","sequence_number":2,"response":{"id":"r1","object":"response","status":"failed","output":[],"error":{"code":"server_error","message":"The model crashed."}}}"""));

        var folded = accumulator.Build();

        Assert.True(accumulator.IsComplete);
        Assert.Equal("failed", folded.Status);
        Assert.Equal("server_error", folded.Error!.Code);
        Assert.Equal("The model crashed.", folded.Error.Message);
        Assert.Equal("Hal", folded.OutputText);
    }

    [Fact]
    public void Unknown_event_types_and_items_are_kept_with_their_json()
    {
        var e = Event("""{"type":"response.future_thing.delta","sequence_number":7,"shiny":true,"item":{"type":"hologram_call","id":"h1","depth":3}}""");

        Assert.False(ResponseStreamEventTypes.IsKnown(e.Type));
        Assert.True(e.AdditionalProperties!["shiny"].GetBoolean());
        var item = Assert.IsType<UnknownResponseItem>(e.Item);
        Assert.Equal("hologram_call", item.Type);
        Assert.Equal("h1", item.Id);
        RecordingTests.AssertJsonEqual(
            """{"type":"response.future_thing.delta","sequence_number":7,"shiny":true,"item":{"type":"hologram_call","id":"h1","depth":3}}""",
            JsonSerializer.Serialize(e, GrokJsonContext.Default.ResponseStreamEvent));
    }

    private static GrokResponse Parse(string file)
        => JsonSerializer.Deserialize(ResponsesRecordings.Read(file), GrokJsonContext.Default.GrokResponse)!;

    private static List<ResponseStreamEvent> ParseEvents(string file)
        => ResponsesRecordings.Events(file).Select(Event).ToList();

    private static ResponseStreamEvent Event(string json) => JsonSerializer.Deserialize(json, GrokJsonContext.Default.ResponseStreamEvent)!;

    private static async IAsyncEnumerable<ResponseStreamEvent> ToAsync(IEnumerable<ResponseStreamEvent> events)
    {
        foreach (var e in events)
        {
            yield return e;
        }

        await Task.CompletedTask;
    }
}
