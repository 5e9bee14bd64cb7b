using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Grok.Responses;
using Microsoft.Extensions.AI;
using Refit;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Grok.AI;

/// <summary>Translates between Microsoft.Extensions.AI's chat types and xAI's Responses API wire models.</summary>
internal static class GrokAIMapping
{
    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key that asks for a strict JSON schema.</summary>
    public const string StrictKey = "strict";

    /// <summary>
    /// Builds the request. A <see cref="ChatOptions.RawRepresentationFactory"/> object wins over <see cref="ChatOptions"/>
    /// (M.E.AI's rule): options only fill what it leaves unset; unknown <see cref="ChatOptions.AdditionalProperties"/>
    /// become request members.
    /// </summary>
    public static ResponseRequest ToRequest(IChatClient chatClient, IEnumerable<AIChatMessage> messages, ChatOptions? options, string? model)
    {
        var request = options?.RawRepresentationFactory?.Invoke(chatClient) as ResponseRequest ?? new ResponseRequest();
        var input = new List<ResponseInputItem>();
        if (request.Input is { } existing)
        {
            input.AddRange(existing.Append());
        }

        var sent = new HashSet<ResponseItem>(ReferenceEqualityComparer.Instance);
        foreach (var message in messages)
        {
            AddMessage(input, message, sent);
        }

        var tools = request.Tools ?? ToTools(options?.Tools);
        request = request with
        {
            Model = request.Model ?? options?.ModelId ?? model,
            Input = ResponseInput.FromItems(input),
            PreviousResponseId = request.PreviousResponseId ?? options?.ConversationId,

            // xAI keeps the first turn's system prompt for a continued response and does not take instructions with
            // previous_response_id, so ChatOptions.Instructions (repeated by M.E.AI on every turn) go out on the first.
            Instructions = request.Instructions ?? ((request.PreviousResponseId ?? options?.ConversationId) is null ? options?.Instructions : null),
            Temperature = request.Temperature ?? options?.Temperature,
            TopP = request.TopP ?? options?.TopP,
            TopK = request.TopK ?? options?.TopK,
            MaxOutputTokens = request.MaxOutputTokens ?? options?.MaxOutputTokens,
            Text = request.Text ?? ToText(options),
            Tools = tools,
            ToolChoice = request.ToolChoice ?? ToToolChoice(options?.ToolMode, tools),
            ParallelToolCalls = request.ParallelToolCalls ?? options?.AllowMultipleToolCalls,
            Reasoning = request.Reasoning ?? ToReasoning(options?.Reasoning?.Effort),
        };

        return WithExtraMembers(request, options);
    }

    public static async Task<ChatResponse> ToChatResponseAsync(GrokResponse response, IGrokClient client)
    {
        await ThrowIfFailedAsync(response, client).ConfigureAwait(false);
        var message = new AIChatMessage(ChatRole.Assistant, ToContents(response.Output))
        {
            MessageId = response.Id,
            RawRepresentation = response,
        };
        return new ChatResponse(message)
        {
            ResponseId = response.Id,
            ConversationId = ConversationIdOf(response),
            ModelId = response.Model,
            CreatedAt = ToTime(response.CreatedAt),
            FinishReason = ToFinishReason(response),
            Usage = ToUsage(response.Usage),
            RawRepresentation = response,
        };
    }

    public static List<AIContent> ToContents(IEnumerable<ResponseItem> items)
    {
        var contents = new List<AIContent>();
        foreach (var item in items)
        {
            switch (item)
            {
                case ReasoningItem reasoning:
                    contents.Add(new TextReasoningContent(reasoning.Text) { ProtectedData = reasoning.EncryptedContent, RawRepresentation = reasoning });
                    break;
                case ResponseMessageItem message:
                    foreach (var part in message.Content ?? [])
                    {
                        var text = part.Type == "refusal" ? part.Refusal ?? part.Text ?? "" : part.Text ?? "";
                        contents.Add(new TextContent(text) { Annotations = ToAnnotations(part.Annotations), RawRepresentation = message });
                    }

                    break;
                case FunctionCallItem call:
                    contents.Add(ToFunctionCall(call));
                    break;
                default:
                    // Server-side tool calls (and kinds this version does not know) travel whole, to be sent back as they came.
                    contents.Add(new AIContent { RawRepresentation = item });
                    break;
            }
        }

        return contents;
    }

    public static FunctionCallContent ToFunctionCall(FunctionCallItem call)
    {
        var content = FunctionCallContent.CreateFromParsedArguments(
            call.Arguments is { Length: > 0 } arguments ? arguments : "{}",
            call.CallId,
            call.Name,
            static json => (IDictionary<string, object?>?)JsonSerializer.Deserialize(json, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Dictionary<string, object?>))));
        content.RawRepresentation = call;
        return content;
    }

    public static List<AIAnnotation>? ToAnnotations(IList<ResponseAnnotation>? annotations)
    {
        if (annotations is not { Count: > 0 })
        {
            return null;
        }

        var result = new List<AIAnnotation>(annotations.Count);
        foreach (var annotation in annotations)
        {
            var citation = new CitationAnnotation
            {
                Title = annotation.Title,
                Url = Uri.TryCreate(annotation.Url, UriKind.Absolute, out var url) ? url : null,
                RawRepresentation = annotation,
            };
            if (annotation.StartIndex is { } start && annotation.EndIndex is { } end)
            {
                citation.AnnotatedRegions = [new TextSpanAnnotatedRegion { StartIndex = start, EndIndex = end }];
            }

            result.Add(citation);
        }

        return result;
    }

    /// <summary>Completed: Stop; function calls: ToolCalls; incomplete for tokens: Length; content filter: ContentFilter.</summary>
    public static ChatFinishReason? ToFinishReason(GrokResponse response) => response.Status switch
    {
        "completed" when response.Output.OfType<FunctionCallItem>().Any() => ChatFinishReason.ToolCalls,
        "completed" => ChatFinishReason.Stop,
        "incomplete" => response.IncompleteDetails?.Reason switch
        {
            "content_filter" => ChatFinishReason.ContentFilter,
            "max_output_tokens" or "max_prompt_tokens" or null => ChatFinishReason.Length,
            var reason => new ChatFinishReason(reason),
        },
        null or "in_progress" => null,
        var status => new ChatFinishReason(status),
    };

    public static UsageDetails? ToUsage(ResponseUsage? usage)
    {
        if (usage is null)
        {
            return null;
        }

        var details = new UsageDetails
        {
            InputTokenCount = usage.InputTokens,
            OutputTokenCount = usage.OutputTokens,
            TotalTokenCount = usage.TotalTokens,
            CachedInputTokenCount = usage.InputTokensDetails?.CachedTokens,
            ReasoningTokenCount = usage.OutputTokensDetails?.ReasoningTokens,
        };
        var counts = new AdditionalPropertiesDictionary<long>();
        if (usage.CostInUsdTicks is { } ticks)
        {
            counts["cost_in_usd_ticks"] = ticks;
        }

        if (usage.NumServerSideToolsUsed is { } tools)
        {
            counts["num_server_side_tools_used"] = tools;
        }

        details.AdditionalCounts = counts.Count > 0 ? counts : null;
        return details;
    }

    /// <summary>A stored answer's id continues the conversation; an unstored one cannot be continued.</summary>
    public static string? ConversationIdOf(GrokResponse response) => response.Store == false || string.IsNullOrEmpty(response.Id) ? null : response.Id;

    public static DateTimeOffset? ToTime(long? unixSeconds) => unixSeconds is > 0 and < 253402300800 ? DateTimeOffset.FromUnixTimeSeconds(unixSeconds.Value) : null;

    /// <summary>A terminal <c>response.failed</c> (or a failed plain answer) is an error of the API: throws <see cref="GrokApiException"/> with its code and message.</summary>
    public static async Task ThrowIfFailedAsync(GrokResponse response, IGrokClient client)
    {
        if (response.Status != "failed")
        {
            return;
        }

        var body = new JsonObject
        {
            ["code"] = response.Error?.Code ?? "failed",
            ["error"] = response.Error?.Message ?? "The response failed without a message.",
        }.ToJsonString();
        var address = (client as IGrokRawClient)?.BaseAddress ?? new Uri("https://api.x.ai/v1/");
        using var http = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            RequestMessage = new HttpRequestMessage(HttpMethod.Post, new Uri(address, "responses")),
        };
        throw await GrokApiException.CreateAsync(http, new RefitSettings(), $"Response {response.Id} ended with status \"failed\".").ConfigureAwait(false);
    }

    private static void AddMessage(List<ResponseInputItem> input, AIChatMessage message, HashSet<ResponseItem> sent)
    {
        var role = message.Role.Value;
        var parts = new List<ResponseContentPart>();
        var text = new StringBuilder();
        var onlyText = true;
        void FlushAssistantText()
        {
            if (text.Length > 0)
            {
                input.Add(ResponseInputItem.Assistant(text.ToString()));
                text.Clear();
            }
        }

        foreach (var content in message.Contents)
        {
            // Output items that came from Grok go back as they came (encrypted reasoning, server-side tool calls...).
            if (content.RawRepresentation is ResponseItem item && role == ChatRole.Assistant.Value)
            {
                FlushAssistantText();
                if (sent.Add(item))
                {
                    input.Add(item);
                }

                continue;
            }

            switch (content)
            {
                case TextContent t:
                    text.Append(t.Text);
                    parts.Add(ResponseContentPart.InputText(t.Text));
                    break;
                case TextReasoningContent { ProtectedData: { Length: > 0 } encrypted } reasoning:
                    input.Add(new ReasoningItem { EncryptedContent = encrypted, Summary = reasoning.Text is { Length: > 0 } r ? [new ReasoningPart { Text = r }] : [] });
                    break;
                case DataContent data when data.HasTopLevelMediaType("image"):
                    onlyText = false;
                    parts.Add(ResponseContentPart.InputImage(data.Uri));
                    break;
                case DataContent data:
                    onlyText = false;
                    parts.Add(ResponseContentPart.InputFileFromData(data.Data.ToArray(), data.Name ?? "file", data.MediaType));
                    break;
                case UriContent uri when uri.HasTopLevelMediaType("image"):
                    onlyText = false;
                    parts.Add(ResponseContentPart.InputImage(uri.Uri.ToString()));
                    break;
                case UriContent uri:
                    onlyText = false;
                    parts.Add(ResponseContentPart.InputFileFromUrl(uri.Uri.ToString()));
                    break;
                case HostedFileContent file:
                    onlyText = false;
                    parts.Add(ResponseContentPart.InputFileFromId(file.FileId));
                    break;
                case FunctionCallContent call:
                    FlushAssistantText();
                    input.Add(new FunctionCallItem
                    {
                        CallId = call.CallId,
                        Name = call.Name,
                        Arguments = JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>))),
                    });
                    break;
                case FunctionResultContent result:
                    input.Add(ResponseInputItem.FunctionCallOutput(result.CallId, result.Result switch
                    {
                        null => "",
                        string s => s,
                        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString() ?? "",
                        JsonElement element => element.GetRawText(),
                        var other => JsonSerializer.Serialize(other, AIJsonUtilities.DefaultOptions.GetTypeInfo(other.GetType())),
                    }));
                    break;
            }
        }

        if (role == ChatRole.Assistant.Value)
        {
            FlushAssistantText();
            return;
        }

        if (role == ChatRole.Tool.Value || parts.Count == 0)
        {
            return;
        }

        var wireRole = role == ChatRole.System.Value ? "system" : role == "developer" ? "developer" : "user";
        input.Add(onlyText
            ? new ResponseInputMessage { Role = wireRole, Content = text.ToString(), Name = wireRole == "user" ? message.AuthorName : null }
            : new ResponseInputMessage { Role = wireRole, ContentParts = parts, Name = wireRole == "user" ? message.AuthorName : null });
    }

    private static ResponseTextOptions? ToText(ChatOptions? options)
    {
        var strict = options?.AdditionalProperties?.TryGetValue(StrictKey, out var value) == true && value is true ? true : (bool?)null;
        var format = options?.ResponseFormat switch
        {
            null => null,
            ChatResponseFormatText => ResponseTextFormat.Text,
            ChatResponseFormatJson { Schema: { } schema } json => new ResponseTextFormat
            {
                Type = "json_schema",
                Name = json.SchemaName ?? "response",
                Description = json.SchemaDescription,
                Schema = schema,
                Strict = strict,
            },
            ChatResponseFormatJson => ResponseTextFormat.JsonObject,
            _ => null,
        };
        return format is null ? null : new ResponseTextOptions { Format = format };
    }

    private static List<ResponseTool>? ToTools(IList<AITool>? tools)
    {
        if (tools is not { Count: > 0 })
        {
            return null;
        }

        var result = new List<ResponseTool>();
        foreach (var tool in tools)
        {
            switch (tool)
            {
                case AIFunctionDeclaration function:
                    result.Add(ResponseTool.Function(function.Name, function.Description, function.JsonSchema));
                    break;
                case HostedWebSearchTool:
                    result.Add(ResponseTool.WebSearch());
                    break;
                case HostedCodeInterpreterTool:
                    result.Add(ResponseTool.CodeInterpreter());
                    break;
                case HostedFileSearchTool fileSearch:
                    result.Add(ResponseTool.FileSearch(
                        (fileSearch.Inputs ?? []).OfType<HostedVectorStoreContent>().Select(v => v.VectorStoreId),
                        fileSearch.MaximumResultCount));
                    break;
                case HostedMcpServerTool mcp:
                    string? authorization = null;
                    Dictionary<string, string>? headers = null;
                    foreach (var header in mcp.Headers ?? new Dictionary<string, string>())
                    {
                        if (string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
                        {
                            authorization = header.Value;
                        }
                        else
                        {
                            (headers ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase))[header.Key] = header.Value;
                        }
                    }

                    result.Add(ResponseTool.Mcp(mcp.ServerName, mcp.ServerAddress, mcp.AllowedTools, authorization, headers, mcp.ServerDescription));
                    break;
                case HostedImageGenerationTool:
                    result.Add(ResponseTool.ImageGeneration());
                    break;
            }
        }

        return result.Count > 0 ? result : null;
    }

    private static ResponseToolChoice? ToToolChoice(ChatToolMode? mode, IList<ResponseTool>? tools)
    {
        if (tools is not { Count: > 0 })
        {
            return null;
        }

        return mode switch
        {
            NoneChatToolMode => ResponseToolChoice.None,
            RequiredChatToolMode { RequiredFunctionName: { } name } => ResponseToolChoice.ForFunction(name),
            RequiredChatToolMode => ResponseToolChoice.Required,
            AutoChatToolMode => ResponseToolChoice.Auto,
            _ => null,
        };
    }

    private static ResponseReasoningOptions? ToReasoning(ReasoningEffort? effort) => effort switch
    {
        null => null,
        ReasoningEffort.None => new() { Effort = "none" },
        ReasoningEffort.Low => new() { Effort = "low" },
        ReasoningEffort.Medium => new() { Effort = "medium" },
        _ => new() { Effort = "high" },
    };

    /// <summary>
    /// Adds <see cref="ChatOptions.Seed"/> (a long, as <c>seed</c>) and every <see cref="ChatOptions.AdditionalProperties"/>
    /// entry the request does not already have, by its wire name: known members (<c>store</c>, <c>include</c>,
    /// <c>prompt_cache_key</c>, <c>max_turns</c>...) land on their typed properties, others stay extra members.
    /// </summary>
    private static ResponseRequest WithExtraMembers(ResponseRequest request, ChatOptions? options)
    {
        var extra = new List<KeyValuePair<string, object?>>();
        if (options?.Seed is { } seed)
        {
            extra.Add(new("seed", seed));
        }

        foreach (var property in options?.AdditionalProperties ?? [])
        {
            if (property.Key != StrictKey)
            {
                extra.Add(property);
            }
        }

        if (extra.Count == 0)
        {
            return request;
        }

        var node = JsonSerializer.SerializeToNode(request, GrokJsonContext.Default.ResponseRequest)!.AsObject();
        foreach (var (key, value) in extra)
        {
            if (!node.ContainsKey(key))
            {
                node[key] = value is null ? null : JsonSerializer.SerializeToNode(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(value.GetType()));
            }
        }

        return node.Deserialize(GrokJsonContext.Default.ResponseRequest)!;
    }
}
