using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grok.Responses;

namespace Grok.Emulation;

/// <summary>The emulator's deterministic answer to one Responses request, as the finished response.</summary>
internal static class ResponsesAnswer
{
    /// <summary>The prefix of the emulator's opaque compaction and encrypted reasoning blobs.</summary>
    public const string CompactionPrefix = "emulator-compaction:";

    public static GrokResponse Create(ResponseRequest request, StoredResponse? previous, string id, long number, EmulatorResponse? fault, int maxSchemaNodes)
    {
        var model = ChatAnswer.ResolveModel(request.Model);
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var input = request.Input!;
        var userText = LastUserText(input, previous);
        var tools = request.Tools ?? [];
        var output = new List<ResponseItem>();
        int serverTools = 0, webSearches = 0, xSearches = 0, codeRuns = 0, fileSearches = 0, mcpCalls = 0, images = 0;
        string? status = "completed";
        ResponseIncompleteDetails? incomplete = null;
        ResponseError? error = null;

        var reasoning = request.Reasoning?.Effort is { Length: > 0 } effort && effort != "none"
            || (model.Contains("reasoning", StringComparison.OrdinalIgnoreCase) && !model.Contains("non-reasoning", StringComparison.OrdinalIgnoreCase));
        if (reasoning)
        {
            var thought = "Thinking about the request: " + (userText.Length == 0 ? "(no text)" : userText);
            output.Add(new ReasoningItem
            {
                Id = "rs_" + id,
                Status = "completed",
                Summary = [new ReasoningPart { Type = "summary_text", Text = thought }],
                EncryptedContent = request.Include?.Contains(ResponseRequest.EncryptedReasoning) == true
                    ? Convert.ToBase64String(Encoding.UTF8.GetBytes(CompactionPrefix + thought))
                    : null,
            });
        }

        var last = input.Count > 0 ? input[^1] : null;
        var functions = tools.Where(t => t.Type == "function").ToList();
        if (fault?.FailResponseMessage is { } failure)
        {
            status = "failed";
            error = new ResponseError { Code = fault.FailResponseCode, Message = failure };
            output.Clear();
        }
        else if (functions.Count > 0 && last is not FunctionCallOutputItem && request.ToolChoice?.Mode != "none")
        {
            var tool = functions.FirstOrDefault(t => t.Name == request.ToolChoice?.FunctionName) ?? functions[0];
            var call = "call_" + number.ToString(CultureInfo.InvariantCulture);
            output.Add(new FunctionCallItem
            {
                Id = "fc_" + id,
                Status = "completed",
                CallId = call,
                Name = tool.Name ?? "",
                Arguments = SampleJson.ForToolArguments(tool.Parameters).ToJsonString(),
            });
        }
        else
        {
            var citations = new List<ResponseAnnotation>();
            var index = 0;
            foreach (var tool in tools)
            {
                var callId = "tc_" + id + "_" + (index++).ToString(CultureInfo.InvariantCulture);
                var query = new JsonObject { ["query"] = userText }.ToJsonString();
                ResponseItem? item = tool.Type switch
                {
                    "web_search" => Count(ref webSearches, new WebSearchCallItem
                    {
                        Id = callId, Status = "completed", Name = "web_search", Arguments = query, CallId = "",
                        Action = new WebSearchAction { Type = "search", Query = userText },
                    }),
                    "x_search" => Count(ref xSearches, new CustomToolCallItem
                    {
                        Id = callId, Status = "completed", Name = "x_keyword_search", Input = query, CallId = callId,
                    }),
                    "code_interpreter" => Count(ref codeRuns, new CodeInterpreterCallItem
                    {
                        Id = callId, Status = "completed", Name = "code_execution", CallId = "",
                        Arguments = new JsonObject { ["code"] = "print(" + JsonValue.Create(userText).ToJsonString() + ")" }.ToJsonString(),
                        Outputs = [new CodeInterpreterOutput { Type = "logs", Logs = userText + "\n" }],
                    }),
                    "file_search" => Count(ref fileSearches, new FileSearchCallItem
                    {
                        Id = callId, Status = "completed", Name = "file_search", Arguments = query, CallId = "",
                        Queries = [userText],
                        Results = [.. (tool.VectorStoreIds ?? []).Take(tool.MaxNumResults ?? 10).Select((c, i) => new FileSearchResult
                        {
                            FileId = "file_" + c, Filename = c + ".txt", Score = 1.0 - (i / 10.0), Text = "A passage of " + c + " about " + userText,
                        })],
                    }),
                    "mcp" => Count(ref mcpCalls, new McpCallItem
                    {
                        Id = callId, Status = "completed", ServerLabel = tool.ServerLabel, Name = tool.AllowedTools?.FirstOrDefault() ?? "echo",
                        Arguments = query, Output = "echo: " + userText,
                    }),
                    "image_generation" => Count(ref images, new ImageGenerationCallItem
                    {
                        Id = callId, Status = "completed", Prompt = userText, Result = Convert.ToBase64String(Encoding.UTF8.GetBytes("emulated image: " + userText)),
                    }),
                    _ => null,
                };

                if (item is null)
                {
                    continue;
                }

                serverTools++;
                output.Add(item);
                if (tool.Type == "web_search")
                {
                    citations.Add(new ResponseAnnotation { Type = "url_citation", Url = "https://example.com/search?q=" + Uri.EscapeDataString(userText), Title = "Web result for " + userText });
                }
                else if (tool.Type == "x_search")
                {
                    citations.Add(new ResponseAnnotation { Type = "url_citation", Url = "https://x.com/i/status/" + (EmulatorHttp.StableHash(userText) % 1_000_000_000UL).ToString(CultureInfo.InvariantCulture), Title = "Post about " + userText });
                }
            }

            var text = Text(request, input, previous, userText, maxSchemaNodes);
            if (request.MaxOutputTokens is { } limit && EmulatorHttp.CountWords(text) > limit)
            {
                text = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..limit]);
                status = "incomplete";
                incomplete = new ResponseIncompleteDetails { Reason = "max_output_tokens" };
            }

            output.Add(new ResponseMessageItem
            {
                Id = "msg_" + id,
                Status = status == "incomplete" ? "incomplete" : "completed",
                Role = "assistant",
                Content = [new ResponseContentPart { Type = "output_text", Text = text, Annotations = citations, Logprobs = EmptyArray }],
            });
        }

        var inputTokens = Math.Max(1, InputWords(input) + (previous?.Response.Usage?.InputTokens ?? 0) + (previous?.Response.Usage?.OutputTokens ?? 0));
        var outputTokens = output.Sum(item => item switch
        {
            ResponseMessageItem message => EmulatorHttp.CountWords(message.Text),
            FunctionCallItem call => Math.Max(1, EmulatorHttp.CountWords(call.Arguments)),
            _ => 0,
        });
        var reasoningTokens = output.OfType<ReasoningItem>().Sum(r => EmulatorHttp.CountWords(r.Text));
        var cached = previous is null ? 0 : Math.Min(inputTokens, (previous.Response.Usage?.InputTokens ?? 0) + (previous.Response.Usage?.OutputTokens ?? 0));
        return new GrokResponse
        {
            Id = id,
            Object = "response",
            CreatedAt = created,
            CompletedAt = status == "completed" ? created : null,
            Model = model,
            Status = status,
            Output = output,
            Error = error,
            IncompleteDetails = incomplete,
            PreviousResponseId = request.PreviousResponseId,
            Instructions = request.Instructions,
            MaxOutputTokens = request.MaxOutputTokens,
            ParallelToolCalls = request.ParallelToolCalls ?? true,
            Temperature = request.Temperature,
            TopP = request.TopP,
            Text = request.Text ?? new ResponseTextOptions { Format = ResponseTextFormat.Text },
            ToolChoice = request.ToolChoice ?? ResponseToolChoice.Auto,
            Tools = tools,
            Reasoning = request.Reasoning ?? new ResponseReasoningOptions(),
            Store = request.Store ?? true,
            User = request.User,
            PromptCacheKey = request.PromptCacheKey,
            SafetyIdentifier = request.SafetyIdentifier,
            ServiceTier = request.ServiceTier ?? "default",
            Metadata = EmptyObject,
            Usage = new ResponseUsage
            {
                InputTokens = inputTokens,
                InputTokensDetails = new InputTokensDetails { CachedTokens = cached },
                OutputTokens = outputTokens,
                OutputTokensDetails = new OutputTokensDetails { ReasoningTokens = reasoningTokens },
                TotalTokens = inputTokens + outputTokens + reasoningTokens,
                NumSourcesUsed = 0,
                NumServerSideToolsUsed = serverTools,
                ServerSideToolUsageDetails = new ServerSideToolUsageDetails
                {
                    WebSearchCalls = webSearches, XSearchCalls = xSearches, XPostsFetched = xSearches, XUsersFetched = 0,
                    CodeInterpreterCalls = codeRuns, FileSearchCalls = fileSearches, McpCalls = mcpCalls, DocumentSearchCalls = 0,
                    ImageGenerationCalls = images,
                },
                CostInUsdTicks = (inputTokens * ChatAnswer.PromptTickPrice) + ((outputTokens + reasoningTokens) * ChatAnswer.CompletionTickPrice),
            },
        };
    }

    /// <summary>The texts of every user message of the input, and of compactions sent back.</summary>
    public static IEnumerable<string> UserTexts(ResponseInput input)
    {
        if (input.Text is not null)
        {
            yield return input.Text;
            yield break;
        }

        foreach (var item in input)
        {
            switch (item)
            {
                case ResponseInputMessage { Role: "user" } message:
                    yield return message.Content ?? "";
                    break;
                case CompactionItem compaction when Decode(compaction.EncryptedContent) is { } text:
                    foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    {
                        yield return line;
                    }

                    break;
            }
        }
    }

    /// <summary>Reads an emulator blob back, or null for anything else.</summary>
    public static string? Decode(string blob)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(blob));
            return text.StartsWith(CompactionPrefix, StringComparison.Ordinal) ? text[CompactionPrefix.Length..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static readonly JsonElement EmptyArray = JsonDocument.Parse("[]").RootElement.Clone();
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private static ResponseItem Count(ref int counter, ResponseItem item)
    {
        counter++;
        return item;
    }

    private static string Text(ResponseRequest request, ResponseInput input, StoredResponse? previous, string userText, int maxSchemaNodes)
    {
        if (input.Count > 0 && input[^1] is FunctionCallOutputItem result)
        {
            return "The function " + FunctionName(input, previous, result.CallId) + " returned: " + (result.Output ?? "");
        }

        switch (request.Text?.Format)
        {
            case { Type: "json_schema", Schema: { } schema }:
                return SampleJson.ForSchema(schema, maxSchemaNodes)?.ToJsonString() ?? "null";
            case { Type: "json_object" }:
                return new JsonObject { ["answer"] = "You said: " + userText }.ToJsonString();
        }

        var earlier = previous?.UserTexts.LastOrDefault(t => t.Length > 0) ?? UserTexts(input).SkipLast(1).LastOrDefault(t => t.Length > 0);
        return "You said: " + userText + (earlier is null ? "" : " Before that you said: " + earlier);
    }

    private static string LastUserText(ResponseInput input, StoredResponse? previous)
        => UserTexts(input).LastOrDefault() ?? previous?.UserTexts.LastOrDefault() ?? "";

    private static string FunctionName(ResponseInput input, StoredResponse? previous, string callId)
    {
        var calls = input.OfType<FunctionCallItem>().Concat(previous?.Response.Output.OfType<FunctionCallItem>() ?? []);
        return calls.FirstOrDefault(c => c.CallId == callId)?.Name ?? "call";
    }

    private static int InputWords(ResponseInput input)
    {
        if (input.Text is not null)
        {
            return EmulatorHttp.CountWords(input.Text);
        }

        var words = 0;
        foreach (var item in input)
        {
            words += item switch
            {
                ResponseInputMessage message => EmulatorHttp.CountWords(message.Content) + (message.ContentParts?.Count(p => p.Type == "input_image") ?? 0) * ChatAnswer.TokensPerImage,
                FunctionCallOutputItem result => EmulatorHttp.CountWords(result.Output),
                ResponseMessageItem message => EmulatorHttp.CountWords(message.Text),
                _ => 1,
            };
        }

        return words;
    }
}
