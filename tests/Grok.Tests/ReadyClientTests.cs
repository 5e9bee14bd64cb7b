using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Grok.Chat;

namespace Grok.Tests;

/// <summary>IGrokClient's request preparation: documented limits checked before sending, the default model filled in.</summary>
public sealed class ReadyClientTests
{
    public static IEnumerable<object[]> BrokenRequests()
    {
        var ok = new ChatCompletionRequest { Messages = [ChatMessage.User("hi")] };
        yield return [ok with { Messages = [] }, "Messages"];
        yield return [ok with { Temperature = 2.5 }, "Temperature"];
        yield return [ok with { Temperature = -0.1 }, "Temperature"];
        yield return [ok with { Stop = ["a", "b", "c", "d", "e"] }, "Stop"];
        yield return [ok with { TopLogprobs = 9 }, "TopLogprobs"];
        yield return [ok with { TopLogprobs = -1 }, "TopLogprobs"];
        yield return [ok with { Tools = Enumerable.Range(0, ChatCompletionRequest.MaxTools + 1).Select(i => Tool.ForFunction("f" + i, null, null)).ToList() }, "Tools"];
        yield return [ok with { N = 0 }, "N"];
    }

    [Theory]
    [MemberData(nameof(BrokenRequests))]
    public async Task Requests_breaking_documented_limits_fail_before_sending_naming_the_field(ChatCompletionRequest request, string field)
    {
        await using var server = await LoopbackServer.StartJsonAsync("{}");
        var grok = TestClients.Create<IGrokClient>(server);

        var plain = await Assert.ThrowsAnyAsync<ArgumentException>(() => grok.CreateChatCompletionAsync(request));
        var streamed = await Assert.ThrowsAnyAsync<ArgumentException>(() => grok.StreamChatCompletionAsync(request).ToListAsync().AsTask());

        Assert.Equal(field, plain.ParamName);
        Assert.Contains(field, plain.Message);
        Assert.Equal(field, streamed.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Requests_within_the_limits_are_sent()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"choices":[]}""");
        var grok = TestClients.Create<IGrokClient>(server);

        await grok.CreateChatCompletionAsync(new ChatCompletionRequest
        {
            Messages = [ChatMessage.User("hi")],
            Temperature = 2,
            Stop = ["a", "b", "c", "d"],
            TopLogprobs = 8,
            N = 1,
            Tools = Enumerable.Range(0, ChatCompletionRequest.MaxTools).Select(i => Tool.ForFunction("f" + i, null, null)).ToList(),
        });

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Default_model_fills_requests_that_name_none_without_changing_the_callers_object()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"choices":[]}""");
        var options = TestClients.Options(server);
        options.DefaultModel = "grok-3-mini";
        var grok = GrokClient.Create<IGrokClient>(options);
        var request = new ChatCompletionRequest { Messages = [ChatMessage.User("hi")] };

        await grok.CreateChatCompletionAsync(request);
        await grok.CreateChatCompletionAsync(request with { Model = "grok-4-fast" });

        Assert.Null(request.Model);
        var models = server.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("model").GetString()).ToArray();
        Assert.Equal(new string?[] { "grok-3-mini", "grok-4-fast" }, models);
    }

    [Fact]
    public async Task Client_keeps_the_options_it_was_created_with()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"choices":[]}""");
        var options = TestClients.Options(server);
        options.DefaultModel = "grok-3";
        var grok = GrokClient.Create<IGrokClient>(options);

        options.DefaultModel = "changed-later";
        await grok.ChatAsync("hi");

        Assert.Equal("grok-3", JsonDocument.Parse(server.SingleRequest.Body).RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Default_model_is_grok_4_3_unless_configured()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"choices":[]}""");
        var grok = TestClients.Create<IGrokClient>(server);

        await grok.ChatAsync("hi");

        Assert.Equal("grok-4.3", JsonDocument.Parse(server.SingleRequest.Body).RootElement.GetProperty("model").GetString());
    }

    [Theory]
    [MemberData(nameof(Recordings.Streamed), MemberType = typeof(Recordings))]
    public async Task Recorded_stream_folds_to_the_message_tool_calls_and_usage_its_events_carry(string name)
    {
        var exchange = Recordings.Get(name);
        var expected = Oracle.Fold(exchange.ResponseBody);
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(context, SplitFrames(exchange.ResponseBody)));
        var grok = TestClients.Create<IGrokClient>(server);
        var request = JsonSerializer.Deserialize(exchange.RequestBody, GrokJsonContext.Default.ChatCompletionRequest)!;

        var completion = await grok.StreamChatCompletionAsync(request).ToChatCompletionAsync();

        var message = completion.Message!;
        Assert.Equal(expected.Content, message.Content ?? "");
        Assert.Equal(expected.Reasoning, message.ReasoningContent ?? "");
        Assert.Equal(expected.ToolCalls, (message.ToolCalls ?? []).Select(t => (t.Id, t.Function!.Name, t.Function.Arguments)).ToList());
        Assert.Equal(expected.FinishReason, completion.Choices[0].FinishReason);
        Assert.Equal(expected.Id, completion.Id);
        Assert.Equal(expected.TotalTokens, completion.Usage!.TotalTokens);
        Assert.Equal(expected.CostTicks, completion.Usage.CostInUsdTicks);
        Assert.Equal(expected.ReasoningTokens, completion.Usage.CompletionTokensDetails!.ReasoningTokens);
        Assert.True(JsonDocument.Parse(server.SingleRequest.Body).RootElement.GetProperty("stream").GetBoolean());
    }

    [Fact]
    public async Task Fold_takes_the_last_usage_when_every_chunk_carries_a_cumulative_one()
    {
        string Chunk(string delta, int total, string? finish = null)
        {
            var finishJson = finish is null ? "" : ",\"finish_reason\":\"" + finish + "\"";
            return "data: {\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + delta + "\"}" + finishJson
                + "}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":" + (total - 3) + ",\"total_tokens\":" + total + "}}\n\n";
        }

        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(
            context, Chunk("a", 4), Chunk("b", 5), Chunk("c", 6, "stop"), "data: [DONE]\n\n"));
        var grok = TestClients.Create<IGrokClient>(server);

        var completion = await grok.StreamChatCompletionAsync(new ChatCompletionRequest { Messages = [ChatMessage.User("x")] }).ToChatCompletionAsync();

        Assert.Equal("abc", completion.Content);
        Assert.Equal(6, completion.Usage!.TotalTokens);
        Assert.Equal(3, completion.Usage.CompletionTokens);
        Assert.Equal("stop", completion.Choices[0].FinishReason);
    }

    [Fact]
    public void Fold_merges_tool_call_fragments_by_index()
    {
        var accumulator = new ChatCompletionAccumulator();
        accumulator.Add(Chunk(new ToolCall { Index = 0, Id = "c0", Type = "function", Function = new FunctionCall { Name = "add", Arguments = "{\"a\":" } }));
        accumulator.Add(Chunk(new ToolCall { Index = 1, Id = "c1", Type = "function", Function = new FunctionCall { Name = "mul", Arguments = "{}" } }));
        accumulator.Add(Chunk(new ToolCall { Index = 0, Function = new FunctionCall { Arguments = "2}" } }));

        var calls = accumulator.Build().Message!.ToolCalls!;

        Assert.Equal(2, calls.Count);
        Assert.Equal(("c0", "add", "{\"a\":2}"), (calls[0].Id, calls[0].Function!.Name, calls[0].Function!.Arguments));
        Assert.Equal(("c1", "mul", "{}"), (calls[1].Id, calls[1].Function!.Name, calls[1].Function!.Arguments));

        static ChatCompletionChunk Chunk(ToolCall call) => new()
        {
            Choices = [new ChatCompletionChunkChoice { Delta = new ChatDelta { ToolCalls = [call] } }],
        };
    }

    internal static string[] SplitFrames(string body)
        => body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(f => f + "\n\n").ToArray();

    /// <summary>An independent reading of a recorded stream, straight from its events' JSON.</summary>
    private sealed record Oracle(string? Id, string Content, string Reasoning, List<(string?, string?, string?)> ToolCalls, string? FinishReason, int TotalTokens, long? CostTicks, int? ReasoningTokens)
    {
        public static Oracle Fold(string body)
        {
            string? id = null, finish = null;
            var content = new StringBuilder();
            var reasoning = new StringBuilder();
            var calls = new List<(string?, string?, string?)>();
            JsonElement usage = default;
            foreach (var line in body.Split('\n').Where(l => l.StartsWith("data: ", StringComparison.Ordinal) && l != "data: [DONE]"))
            {
                var root = JsonDocument.Parse(line[6..]).RootElement;
                id ??= root.GetProperty("id").GetString();
                if (root.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object)
                {
                    usage = u;
                }

                foreach (var choice in root.GetProperty("choices").EnumerateArray())
                {
                    if (choice.TryGetProperty("finish_reason", out var f) && f.ValueKind == JsonValueKind.String)
                    {
                        finish = f.GetString();
                    }

                    var delta = choice.GetProperty("delta");
                    if (delta.TryGetProperty("content", out var c))
                    {
                        content.Append(c.GetString());
                    }

                    if (delta.TryGetProperty("reasoning_content", out var r))
                    {
                        reasoning.Append(r.GetString());
                    }

                    if (delta.TryGetProperty("tool_calls", out var t))
                    {
                        calls.AddRange(t.EnumerateArray().Select(call => (
                            call.GetProperty("id").GetString(),
                            call.GetProperty("function").GetProperty("name").GetString(),
                            call.GetProperty("function").GetProperty("arguments").GetString())));
                    }
                }
            }

            return new Oracle(
                id,
                content.ToString(),
                reasoning.ToString(),
                calls,
                finish,
                usage.GetProperty("total_tokens").GetInt32(),
                usage.GetProperty("cost_in_usd_ticks").GetInt64(),
                usage.GetProperty("completion_tokens_details").GetProperty("reasoning_tokens").GetInt32());
        }
    }
}
