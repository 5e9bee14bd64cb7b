using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grok.Chat;

namespace Grok.Tests;

/// <summary>The wire models against real recorded api.x.ai traffic: nothing dropped, everything parsed.</summary>
public sealed class RecordingTests
{
    [Fact]
    public void Recordings_are_all_loaded()
    {
        Assert.Equal(22, Recordings.All.Select(e => e.Case).Distinct().Count());
        Assert.Contains(Recordings.All, e => e.IsStream);
        Assert.Contains(Recordings.All, e => !e.IsStream);
    }

    [Theory]
    [MemberData(nameof(Recordings.Every), MemberType = typeof(Recordings))]
    public void Recorded_request_read_into_ChatCompletionRequest_goes_out_json_equal(string name)
    {
        var exchange = Recordings.Get(name);

        var request = JsonSerializer.Deserialize(exchange.RequestBody, GrokJsonContext.Default.ChatCompletionRequest)!;
        var again = JsonSerializer.Serialize(request, GrokJsonContext.Default.ChatCompletionRequest);

        AssertJsonEqual(exchange.RequestBody, again);
        Assert.NotEmpty(request.Messages);
        Assert.Null(request.AdditionalProperties); // everything recorded is modelled
    }

    [Fact]
    public void Recorded_requests_keep_max_tokens_strict_false_both_tool_choice_forms_and_reasoning_effort()
    {
        var requests = Recordings.All
            .Select(e => JsonSerializer.Deserialize(e.RequestBody, GrokJsonContext.Default.ChatCompletionRequest)!)
            .ToList();

        Assert.Contains(requests, r => r.MaxTokens == 4000);
        Assert.Contains(requests, r => r.Tools?.Any(t => t.Function!.Strict == false) == true);
        Assert.Contains(requests, r => r.ToolChoice == ToolChoice.Auto);
        Assert.Contains(requests, r => r.ToolChoice?.FunctionName == "Book");
        Assert.Contains(requests, r => r.ReasoningEffort == "high");
        Assert.Contains(requests, r => r.StreamOptions?.IncludeUsage == true);
        Assert.Contains(requests, r => r.Messages.Any(m => m.Role == "tool" && m.ToolCallId is not null));
        Assert.Contains(requests, r => r.Messages.Any(m => m.ReasoningContent is not null && m.ToolCalls is { Count: > 0 }));
    }

    [Theory]
    [MemberData(nameof(Recordings.Plain), MemberType = typeof(Recordings))]
    public void Recorded_plain_answer_parses_completely_and_round_trips(string name)
    {
        var exchange = Recordings.Get(name);

        var completion = JsonSerializer.Deserialize(exchange.ResponseBody, GrokJsonContext.Default.ChatCompletion)!;

        Assert.Equal("chat.completion", completion.Object);
        Assert.False(string.IsNullOrEmpty(completion.Id));
        var choice = Assert.Single(completion.Choices);
        Assert.Equal("assistant", choice.Message!.Role);
        Assert.NotNull(choice.FinishReason);
        Assert.True(completion.Usage!.TotalTokens > 0);
        Assert.NotNull(completion.Usage.CostInUsdTicks);
        Assert.NotNull(completion.Usage.PromptTokensDetails?.CachedTokens);
        Assert.NotNull(completion.Usage.CompletionTokensDetails?.ReasoningTokens);
        Assert.True(choice.FinishReason == "tool_calls" ? choice.Message.ToolCalls is { Count: > 0 } : choice.Message.Content is { Length: > 0 });
        // Requests leave nulls out by design; "refusal": null carries nothing, so compare without null members.
        AssertJsonEqual(exchange.ResponseBody, JsonSerializer.Serialize(completion, GrokJsonContext.Default.ChatCompletion), ignoreNulls: true);
    }

    [Fact]
    public void Reasoning_recording_has_reasoning_content_and_reasoning_tokens()
    {
        var exchange = Recordings.Get("grok-3-mini/reasoning-thinking#0");

        var completion = JsonSerializer.Deserialize(exchange.ResponseBody, GrokJsonContext.Default.ChatCompletion)!;

        Assert.StartsWith("First, the user is asking", completion.Message!.ReasoningContent);
        Assert.Equal(350, completion.Usage!.CompletionTokensDetails!.ReasoningTokens);
        Assert.Equal("weather", completion.Message.ToolCalls![0].Function!.Name);
        Assert.Equal("Florence, Italy", completion.Message.ToolCalls[0].GetArguments<WeatherArguments>().Location);
    }

    [Fact]
    public void Usage_cost_in_usd_is_ticks_over_ten_billion()
    {
        var usage = new Usage { CostInUsdTicks = 2_071_250 };

        Assert.Equal(0.000207125m, usage.CostInUsd);
    }

    internal static void AssertJsonEqual(string expected, string actual, bool ignoreNulls = false)
    {
        var left = JsonNode.Parse(expected);
        var right = JsonNode.Parse(actual);
        if (ignoreNulls)
        {
            RemoveNulls(left);
            RemoveNulls(right);
        }

        Assert.True(JsonNode.DeepEquals(left, right), $"JSON differs.\nExpected: {left?.ToJsonString()}\nActual:   {right?.ToJsonString()}");
    }

    private static void RemoveNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(name);
                }

                foreach (var (_, value) in obj)
                {
                    RemoveNulls(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RemoveNulls(item);
                }

                break;
        }
    }

    public sealed class WeatherArguments
    {
        public string? Location { get; set; }
    }
}
