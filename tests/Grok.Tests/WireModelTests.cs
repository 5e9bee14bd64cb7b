using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grok.Chat;
using Grok.Files;

namespace Grok.Tests;

/// <summary>The wire models beyond what the recordings exercise.</summary>
public sealed class WireModelTests
{
    [Fact]
    public void Multi_part_user_message_goes_out_as_an_array_of_text_and_image_parts()
    {
        var message = ChatMessage.User(
            ChatContentPart.FromText("What is in "),
            ChatContentPart.FromText("this picture?"),
            ChatContentPart.FromImageBytes([1, 2, 3], "image/png", detail: "high"));

        var json = JsonSerializer.Serialize(message, GrokJsonContext.Default.Options);
        var again = JsonSerializer.Deserialize(json, GrokJsonContext.Default.Options.GetTypeInfo(typeof(ChatMessage))) as ChatMessage;

        RecordingTests.AssertJsonEqual(
            """{"role":"user","content":[{"type":"text","text":"What is in "},{"type":"text","text":"this picture?"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AQID","detail":"high"}}]}""",
            json);
        Assert.Equal("What is in this picture?", again!.Content);
        Assert.Equal("data:image/png;base64,AQID", again.ContentParts![2].ImageUrl!.Url);
    }

    [Fact]
    public void Plain_text_message_content_stays_a_string_and_empty_content_survives()
    {
        Assert.Equal("""{"role":"assistant","content":""}""", JsonSerializer.Serialize(ChatMessage.Assistant(""), GrokJsonContext.Default.Options));
        Assert.Equal("""{"role":"tool","content":"40 C","tool_call_id":"call_1"}""", JsonSerializer.Serialize(ChatMessage.Tool("call_1", "40 C"), GrokJsonContext.Default.Options));
    }

    [Fact]
    public void Unknown_request_members_are_kept_and_sent_again()
    {
        const string json = """{"model":"grok-4","messages":[{"role":"user","content":"hi","x_new":1}],"search_parameters":{"mode":"auto"},"future_flag":true}""";

        var request = JsonSerializer.Deserialize(json, GrokJsonContext.Default.ChatCompletionRequest)!;

        Assert.Equal(2, request.AdditionalProperties!.Count);
        RecordingTests.AssertJsonEqual(json, JsonSerializer.Serialize(request, GrokJsonContext.Default.ChatCompletionRequest));
    }

    [Fact]
    public void Unknown_response_members_are_kept()
    {
        var completion = JsonSerializer.Deserialize("""{"id":"1","choices":[],"brand_new":{"a":1}}""", GrokJsonContext.Default.ChatCompletion)!;

        Assert.Equal(1, completion.AdditionalProperties!["brand_new"].GetProperty("a").GetInt32());
    }

    [Fact]
    public void Response_formats_serialize_as_xai_documents_them()
    {
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}""").RootElement;

        RecordingTests.AssertJsonEqual("""{"type":"json_object"}""", JsonSerializer.Serialize(ResponseFormat.JsonObject, GrokJsonContext.Default.Options));
        RecordingTests.AssertJsonEqual(
            """{"type":"json_schema","json_schema":{"name":"A","schema":{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]},"strict":true}}""",
            JsonSerializer.Serialize(ResponseFormat.ForJsonSchema("A", schema), GrokJsonContext.Default.Options));
    }

    [Fact]
    public void Tool_choice_is_a_string_or_a_named_function()
    {
        var auto = new ChatCompletionRequest { Messages = [ChatMessage.User("x")], ToolChoice = "required" };
        var named = auto with { ToolChoice = ToolChoice.ForFunction("weather") };

        Assert.Contains("\"tool_choice\":\"required\"", JsonSerializer.Serialize(auto, GrokJsonContext.Default.ChatCompletionRequest));
        Assert.Contains("\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"weather\"}}", JsonSerializer.Serialize(named, GrokJsonContext.Default.ChatCompletionRequest));
        Assert.Same(ToolChoice.Required, (ToolChoice)"required");
    }

    [Fact]
    public void Logprobs_and_citations_parse_and_fold()
    {
        const string chunk1 = """{"id":"c","choices":[{"index":0,"delta":{"content":"Hi"},"logprobs":{"content":[{"token":"Hi","logprob":-0.1,"bytes":[72,105],"top_logprobs":[{"token":"Hi","logprob":-0.1},{"token":"Hey","logprob":-2.5}]}]}}]}""";
        const string chunk2 = """{"id":"c","choices":[{"index":0,"delta":{"content":"!"},"finish_reason":"stop","logprobs":{"content":[{"token":"!","logprob":-0.01}]}}],"citations":["https://x.ai/a","https://x.ai/b"]}""";
        var accumulator = new ChatCompletionAccumulator();

        accumulator.Add(JsonSerializer.Deserialize(chunk1, GrokJsonContext.Default.ChatCompletionChunk)!);
        accumulator.Add(JsonSerializer.Deserialize(chunk2, GrokJsonContext.Default.ChatCompletionChunk)!);
        var completion = accumulator.Build();

        Assert.Equal("Hi!", completion.Content);
        Assert.Equal(["https://x.ai/a", "https://x.ai/b"], completion.Citations);
        var tokens = completion.Choices[0].Logprobs!.Content!;
        Assert.Equal(["Hi", "!"], tokens.Select(t => t.Token));
        Assert.Equal("Hey", tokens[0].TopLogprobs![1].Token);
        Assert.Equal([72, 105], tokens[0].Bytes);
    }

    [Fact]
    public void Usage_reads_every_documented_detail()
    {
        const string json = """{"prompt_tokens":10,"completion_tokens":5,"total_tokens":40,"prompt_tokens_details":{"text_tokens":8,"audio_tokens":0,"image_tokens":2,"cached_tokens":6},"completion_tokens_details":{"reasoning_tokens":25,"audio_tokens":0,"accepted_prediction_tokens":1,"rejected_prediction_tokens":2},"num_sources_used":3,"cost_in_usd_ticks":150000000}""";

        var usage = JsonSerializer.Deserialize(json, GrokJsonContext.Default.Options.GetTypeInfo(typeof(Usage))) as Usage;

        Assert.Equal((10, 5, 40), (usage!.PromptTokens, usage.CompletionTokens, usage.TotalTokens));
        Assert.Equal((8, 2, 6), (usage.PromptTokensDetails!.TextTokens, usage.PromptTokensDetails.ImageTokens, usage.PromptTokensDetails.CachedTokens));
        Assert.Equal((25, 1, 2), (usage.CompletionTokensDetails!.ReasoningTokens, usage.CompletionTokensDetails.AcceptedPredictionTokens, usage.CompletionTokensDetails.RejectedPredictionTokens));
        Assert.Equal(3, usage.NumSourcesUsed);
        Assert.Equal(0.015m, usage.CostInUsd); // 1.5 cents
    }

    [Fact]
    public void Function_tool_from_a_CSharp_type_has_its_schema()
    {
        var tool = GrokSchema.FunctionTool<Arguments>("add", "Adds two numbers", strict: true);

        var json = JsonNode.Parse(JsonSerializer.Serialize(tool, GrokJsonContext.Default.Options))!;

        Assert.Equal("function", (string?)json["type"]);
        Assert.Equal("add", (string?)json["function"]!["name"]);
        Assert.True((bool)json["function"]!["strict"]!);
        var parameters = json["function"]!["parameters"]!;
        Assert.Equal("object", (string?)parameters["type"]);
        Assert.Equal("integer", (string?)parameters["properties"]!["first_number"]!["type"]);
        Assert.Contains("first_number", parameters["required"]!.AsArray().Select(n => (string?)n));
        Assert.False((bool)parameters["additionalProperties"]!);
    }

    public sealed record Arguments(int FirstNumber, int SecondNumber);

    [Theory]
    [InlineData(99999999999999, null)]
    [InlineData(-1, null)]
    [InlineData(1762345678L, 1762345678L)]
    public void File_dates_out_of_range_read_as_null_instead_of_throwing(long seconds, long? expected)
    {
        var file = System.Text.Json.JsonSerializer.Deserialize(
            $$"""{"id":"file_1","bytes":1,"created_at":{{seconds}},"expires_at":{{seconds}},"filename":"a.txt"}""",
            GrokJsonContext.Default.GrokFile)!;

        Assert.Equal(expected, file.Created?.ToUnixTimeSeconds());
        Assert.Equal(expected, file.Expires?.ToUnixTimeSeconds());
    }
}
