using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Grok.Responses;
using Microsoft.Extensions.AI;

namespace Grok.Tests;

/// <summary>The IChatClient over the Responses API, against the emulator.</summary>
public sealed class ResponsesChatClientTests : IAsyncLifetime
{
    private GrokEmulator _emulator = null!;
    private IGrokClient _grok = null!;
    private IChatClient _chat = null!;

    public async Task InitializeAsync()
    {
        _emulator = await GrokEmulator.StartAsync();
        _grok = GrokClient.Create<IGrokClient>(_emulator.CreateClientOptions());
        _chat = _grok.AsIChatClient("grok-4.3");
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private JsonNode LastBody => JsonNode.Parse(_emulator.Requests[^1].Body)!;

    [Fact]
    public async Task A_stored_answers_id_is_the_conversation_id_and_ConversationId_is_previous_response_id()
    {
        var first = await _chat.GetResponseAsync("My name is Ada");
        var second = await _chat.GetResponseAsync("What is my name?", new ChatOptions { ConversationId = first.ConversationId });

        Assert.False(string.IsNullOrEmpty(first.ConversationId));
        Assert.Equal(first.ResponseId, first.ConversationId);
        Assert.Equal(first.ConversationId, (string?)LastBody["previous_response_id"]);
        Assert.Equal("You said: What is my name? Before that you said: My name is Ada", second.Text);
        Assert.Equal(second.ResponseId, second.ConversationId);
    }

    [Fact]
    public async Task Instructions_go_out_on_the_first_turn_only_since_a_continued_response_keeps_them()
    {
        var options = new ChatOptions { Instructions = "Be brief." };
        var first = await _chat.GetResponseAsync("hi", options);
        var firstBody = LastBody;

        options.ConversationId = first.ConversationId;
        await _chat.GetResponseAsync("again", options);

        Assert.Equal("Be brief.", (string?)firstBody["instructions"]);
        Assert.Null(LastBody["instructions"]);
        Assert.Equal(first.ConversationId, (string?)LastBody["previous_response_id"]);
    }

    [Fact]
    public async Task An_unstored_answer_has_no_conversation_id()
    {
        var response = await _chat.GetResponseAsync("hi", new ChatOptions { AdditionalProperties = new() { ["store"] = false } });

        Assert.Null(response.ConversationId);
        Assert.NotNull(response.ResponseId);
        Assert.False((bool)LastBody["store"]!);
    }

    [Fact]
    public async Task Streamed_answers_carry_the_conversation_id_every_event_as_raw_representation_and_usage_once()
    {
        var updates = await _chat.GetStreamingResponseAsync("one two three", new ChatOptions { Reasoning = new ReasoningOptions { Effort = ReasoningEffort.Low } }).ToListAsync();
        var folded = updates.ToChatResponse();
        var plain = await _chat.GetResponseAsync("one two three", new ChatOptions { Reasoning = new ReasoningOptions { Effort = ReasoningEffort.Low } });

        Assert.All(updates, u => Assert.IsType<ResponseStreamEvent>(u.RawRepresentation));
        Assert.Equal(updates.Count, updates.Select(u => ((ResponseStreamEvent)u.RawRepresentation!).SequenceNumber).Distinct().Count());
        Assert.Equal(plain.Text, folded.Text);
        Assert.Equal(ChatFinishReason.Stop, folded.FinishReason);
        Assert.False(string.IsNullOrEmpty(folded.ConversationId));
        Assert.Equal(folded.ResponseId, folded.ConversationId);
        Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>());
        Assert.Equal(plain.Usage!.TotalTokenCount, folded.Usage!.TotalTokenCount);
        Assert.True(folded.Usage.ReasoningTokenCount > 0);
        Assert.Contains(folded.Messages[0].Contents, c => c is TextReasoningContent { Text.Length: > 0 });
        Assert.Contains(plain.Messages[0].Contents, c => c is TextReasoningContent { Text.Length: > 0 });
    }

    [Fact]
    public async Task Hosted_tools_map_to_xais_server_side_tools()
    {
        var response = await _chat.GetResponseAsync("xAI news", new ChatOptions
        {
            Tools =
            [
                new HostedWebSearchTool(),
                new HostedCodeInterpreterTool(),
                new HostedFileSearchTool { Inputs = [new HostedVectorStoreContent("collection_1")], MaximumResultCount = 4 },
                new HostedMcpServerTool("docs", "https://mcp.example.com") { AllowedTools = ["search"], Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer t", ["X-A"] = "1" } },
            ],
        });

        RecordingTests.AssertJsonEqual(
            """
            [{"type":"web_search"},{"type":"code_interpreter"},{"type":"file_search","vector_store_ids":["collection_1"],"max_num_results":4},
             {"type":"mcp","server_label":"docs","server_url":"https://mcp.example.com","allowed_tools":["search"],"authorization":"Bearer t","headers":{"X-A":"1"}}]
            """,
            LastBody["tools"]!.ToJsonString());
        var raw = Assert.IsType<GrokResponse>(response.RawRepresentation);
        Assert.Equal(4, raw.Usage!.NumServerSideToolsUsed);
        Assert.Equal(4, response.Usage!.AdditionalCounts!["num_server_side_tools_used"]);
        Assert.Equal(4, response.Messages[0].Contents.Count(c => c.RawRepresentation is ServerToolCallItem));
    }

    [Fact]
    public async Task Citations_come_back_as_CitationAnnotations_plain_and_streamed()
    {
        var options = new ChatOptions { Tools = [new HostedWebSearchTool()] };

        var plain = await _chat.GetResponseAsync("grok", options);
        var streamed = await _chat.GetStreamingResponseAsync("grok", options).ToChatResponseAsync();

        foreach (var response in new[] { plain, streamed })
        {
            var citation = Assert.Single(response.Messages.SelectMany(m => m.Contents).SelectMany(c => c.Annotations ?? []).OfType<CitationAnnotation>());
            Assert.Equal(new Uri("https://example.com/search?q=grok"), citation.Url);
            Assert.Equal("Web result for grok", citation.Title);
        }
    }

    [Fact]
    public async Task Server_side_tool_calls_are_sent_back_as_they_came()
    {
        var options = new ChatOptions { Tools = [new HostedWebSearchTool()] };
        var first = await _chat.GetResponseAsync("grok", options);

        await _chat.GetResponseAsync([new Microsoft.Extensions.AI.ChatMessage(ChatRole.User, "grok"), .. first.Messages, new Microsoft.Extensions.AI.ChatMessage(ChatRole.User, "more")]);

        var input = LastBody["input"]!.AsArray();
        Assert.Equal(["user", "web_search_call", "message", "user"], input.Select(i => (string?)i!["type"] ?? (string?)i["role"]));
        Assert.Equal("web_search", (string?)input[1]!["name"]);
    }

    [Fact]
    public async Task FinishReason_is_ToolCalls_for_function_calls_and_Length_when_cut_by_max_output_tokens()
    {
        var weather = AIFunctionFactory.Create((string city) => "21 C", "weather");

        var call = await _chat.GetResponseAsync("Weather?", new ChatOptions { Tools = [weather] });
        var streamedCall = await _chat.GetStreamingResponseAsync("Weather?", new ChatOptions { Tools = [weather] }).ToChatResponseAsync();
        var cut = await _chat.GetResponseAsync("one two three four", new ChatOptions { MaxOutputTokens = 2 });
        var streamedCut = await _chat.GetStreamingResponseAsync("one two three four", new ChatOptions { MaxOutputTokens = 2 }).ToChatResponseAsync();

        Assert.Equal(ChatFinishReason.ToolCalls, call.FinishReason);
        Assert.Equal(ChatFinishReason.ToolCalls, streamedCall.FinishReason);
        Assert.Equal("weather", Assert.Single(streamedCall.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()).Name);
        Assert.Equal(ChatFinishReason.Length, cut.FinishReason);
        Assert.Equal(ChatFinishReason.Length, streamedCut.FinishReason);
    }

    [Fact]
    public async Task FinishReason_is_ContentFilter_when_the_content_filter_stopped_the_answer()
    {
        _emulator.Enqueue(EmulatorResponse.Replay(
            """{"id":"r1","object":"response","status":"incomplete","incomplete_details":{"reason":"content_filter"},"output":[{"type":"message","id":"m1","role":"assistant","status":"incomplete","content":[{"type":"output_text","text":"I can't","annotations":[]}]}]}""",
            "application/json"));

        var response = await _chat.GetResponseAsync("something");

        Assert.Equal(ChatFinishReason.ContentFilter, response.FinishReason);
        Assert.Equal("I can't", response.Text);
    }

    [Fact]
    public async Task A_failed_response_throws_GrokApiException_with_its_code_and_message_plain_and_streamed()
    {
        _emulator.Enqueue(EmulatorResponse.FailedResponse("The model crashed.", "model_error"));
        _emulator.Enqueue(EmulatorResponse.FailedResponse("The model crashed again.", "model_error"));

        var plain = await Assert.ThrowsAsync<GrokApiException>(() => _chat.GetResponseAsync("hi"));
        var streamed = await Assert.ThrowsAsync<GrokApiException>(async () => await _chat.GetStreamingResponseAsync("hi").ToListAsync());

        Assert.Equal("model_error", plain.ErrorCode);
        Assert.Equal("The model crashed.", plain.ErrorMessage);
        Assert.Contains("The model crashed.", plain.Message);
        Assert.Equal("The model crashed again.", streamed.ErrorMessage);
        Assert.DoesNotContain(_emulator.ApiKey, plain.ToString());
    }

    [Fact]
    public async Task A_RawRepresentationFactory_request_wins_over_ChatOptions()
    {
        var options = new ChatOptions
        {
            ModelId = "from-options",
            Temperature = 0.9f,
            MaxOutputTokens = 500,
            Instructions = "from options",
            RawRepresentationFactory = _ => new ResponseRequest { Model = "from-factory", Temperature = 0.1, PromptCacheKey = "conv-1", Instructions = "from factory" },
        };

        await _chat.GetResponseAsync("hi", options);

        var body = LastBody;
        Assert.Equal("from-factory", (string?)body["model"]);
        Assert.Equal(0.1, (double)body["temperature"]!, 3);
        Assert.Equal(500, (int)body["max_output_tokens"]!);
        Assert.Equal("conv-1", (string?)body["prompt_cache_key"]);
        Assert.Equal("from factory", (string?)body["instructions"]);
    }

    [Fact]
    public async Task Seed_is_sent_whole_as_a_long_and_unknown_additional_properties_reach_the_request()
    {
        await _chat.GetResponseAsync("hi", new ChatOptions
        {
            Seed = 1L << 40,
            AdditionalProperties = new() { ["max_turns"] = 3, ["include"] = new[] { "reasoning.encrypted_content" }, ["future_flag"] = "on" },
        });

        var body = LastBody;
        Assert.Equal(1L << 40, (long)body["seed"]!);
        Assert.Equal(3, (int)body["max_turns"]!);
        Assert.Equal("reasoning.encrypted_content", (string?)body["include"]![0]);
        Assert.Equal("on", (string?)body["future_flag"]);
    }

    [Fact]
    public async Task A_json_schema_is_strict_only_when_asked()
    {
        var format = ChatResponseFormat.ForJsonSchema(AIJsonUtilities.CreateJsonSchema(typeof(EcosystemTests.City)), "City");

        await _chat.GetResponseAsync("a city", new ChatOptions { ResponseFormat = format });
        var loose = LastBody["text"]!["format"]!;
        await _chat.GetResponseAsync("a city", new ChatOptions { ResponseFormat = format, AdditionalProperties = new() { ["strict"] = true } });
        var strict = LastBody["text"]!["format"]!;

        Assert.Equal("json_schema", (string?)loose["type"]);
        Assert.Equal("City", (string?)loose["name"]);
        Assert.Null(loose["strict"]);
        Assert.True((bool)strict["strict"]!);
        Assert.Null(LastBody["strict"]);
    }

    [Fact]
    public async Task Images_and_files_go_out_as_input_parts()
    {
        var message = new Microsoft.Extensions.AI.ChatMessage(ChatRole.User,
        [
            new TextContent("What is this?"),
            new UriContent(new Uri("https://example.com/cat.png"), "image/png"),
            new DataContent(new byte[] { 1, 2, 3 }, "application/pdf") { Name = "a.pdf" },
            new HostedFileContent("file_9"),
        ]);

        await _chat.GetResponseAsync([message]);

        var parts = LastBody["input"]![0]!["content"]!.AsArray();
        Assert.Equal(["input_text", "input_image", "input_file", "input_file"], parts.Select(p => (string?)p!["type"]));
        Assert.Equal("https://example.com/cat.png", (string?)parts[1]!["image_url"]);
        Assert.Equal("a.pdf", (string?)parts[2]!["filename"]);
        Assert.Equal("AQID", (string?)parts[2]!["file_data"]);
        Assert.Equal("file_9", (string?)parts[3]!["file_id"]);
    }
}
