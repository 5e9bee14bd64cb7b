using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Grok.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using ChatMessage = Grok.Chat.ChatMessage;

namespace Grok.AI;

/// <summary>Translates between Microsoft.Extensions.AI's chat types and xAI's wire models.</summary>
internal static class GrokAIMapping
{
    public static ChatCompletionRequest ToRequest(IChatClient chatClient, IEnumerable<AIChatMessage> messages, ChatOptions? options, string? model)
    {
        var request = options?.RawRepresentationFactory?.Invoke(chatClient) as ChatCompletionRequest ?? new ChatCompletionRequest();
        var wire = new List<ChatMessage>(request.Messages);
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            wire.Add(ChatMessage.System(instructions));
        }

        foreach (var message in messages)
        {
            AddMessages(wire, message);
        }

        return request with
        {
            Model = options?.ModelId ?? request.Model ?? model,
            Messages = wire,
            Temperature = options?.Temperature ?? request.Temperature,
            TopP = options?.TopP ?? request.TopP,
            MaxCompletionTokens = options?.MaxOutputTokens ?? request.MaxCompletionTokens,
            Stop = options?.StopSequences is { Count: > 0 } stop ? stop.ToList() : request.Stop,
            FrequencyPenalty = options?.FrequencyPenalty ?? request.FrequencyPenalty,
            PresencePenalty = options?.PresencePenalty ?? request.PresencePenalty,
            Seed = options?.Seed is { } seed ? (int)seed : request.Seed,
            ResponseFormat = ToResponseFormat(options?.ResponseFormat) ?? request.ResponseFormat,
            Tools = options?.Tools is { Count: > 0 } tools ? ToTools(tools) : request.Tools,
            ToolChoice = ToToolChoice(options?.ToolMode, options?.Tools) ?? request.ToolChoice,
            ParallelToolCalls = options?.AllowMultipleToolCalls ?? request.ParallelToolCalls,
            ReasoningEffort = ToReasoningEffort(options?.Reasoning?.Effort) ?? request.ReasoningEffort,
        };
    }

    public static List<AIContent> ToContents(ChatMessage? message)
    {
        var contents = new List<AIContent>();
        if (message is null)
        {
            return contents;
        }

        if (!string.IsNullOrEmpty(message.ReasoningContent))
        {
            contents.Add(new TextReasoningContent(message.ReasoningContent));
        }

        if (!string.IsNullOrEmpty(message.Content))
        {
            contents.Add(new TextContent(message.Content));
        }

        foreach (var call in message.ToolCalls ?? [])
        {
            contents.Add(FunctionCallContent.CreateFromParsedArguments(
                call.Function?.Arguments is { Length: > 0 } arguments ? arguments : "{}",
                call.Id ?? "",
                call.Function?.Name ?? "",
                static json => (IDictionary<string, object?>?)JsonSerializer.Deserialize(json, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Dictionary<string, object?>)))));
        }

        return contents;
    }

    public static ChatFinishReason? ToFinishReason(string? reason) => reason switch
    {
        null => null,
        "stop" or "end_turn" => ChatFinishReason.Stop,
        "length" => ChatFinishReason.Length,
        "tool_calls" => ChatFinishReason.ToolCalls,
        "content_filter" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(reason),
    };

    public static UsageDetails? ToUsage(Usage? usage)
    {
        if (usage is null)
        {
            return null;
        }

        var details = new UsageDetails
        {
            InputTokenCount = usage.PromptTokens,
            OutputTokenCount = usage.CompletionTokens,
            TotalTokenCount = usage.TotalTokens,
            CachedInputTokenCount = usage.PromptTokensDetails?.CachedTokens,
            ReasoningTokenCount = usage.CompletionTokensDetails?.ReasoningTokens,
        };
        if (usage.CostInUsdTicks is { } ticks)
        {
            details.AdditionalCounts = new() { ["cost_in_usd_ticks"] = ticks };
        }

        return details;
    }

    private static void AddMessages(List<ChatMessage> wire, AIChatMessage message)
    {
        var role = message.Role.Value;
        var parts = new List<ChatContentPart>();
        var calls = new List<ToolCall>();
        string? reasoning = null;
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent text:
                    parts.Add(ChatContentPart.FromText(text.Text));
                    break;
                case TextReasoningContent thought:
                    reasoning += thought.Text;
                    break;
                case DataContent data when data.HasTopLevelMediaType("image"):
                    parts.Add(ChatContentPart.FromImageUrl(data.Uri));
                    break;
                case UriContent uri when uri.HasTopLevelMediaType("image"):
                    parts.Add(ChatContentPart.FromImageUrl(uri.Uri.ToString()));
                    break;
                case FunctionCallContent call:
                    calls.Add(new ToolCall
                    {
                        Id = call.CallId,
                        Type = "function",
                        Function = new FunctionCall
                        {
                            Name = call.Name,
                            Arguments = JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>))),
                        },
                    });
                    break;
                case FunctionResultContent result:
                    wire.Add(ChatMessage.Tool(result.CallId, result.Result switch
                    {
                        null => "",
                        string text => text,
                        JsonElement element => element.GetRawText(),
                        var other => JsonSerializer.Serialize(other, AIJsonUtilities.DefaultOptions.GetTypeInfo(other.GetType())),
                    }));
                    break;
            }
        }

        if (parts.Count == 0 && calls.Count == 0 && reasoning is null)
        {
            return;
        }

        var onlyText = parts.TrueForAll(p => p.Type == "text");
        wire.Add(new ChatMessage
        {
            Role = role,
            Name = message.AuthorName,
            Content = onlyText ? (parts.Count > 0 ? string.Concat(parts.Select(p => p.Text)) : null) : null,
            ContentParts = onlyText ? null : parts,
            ReasoningContent = reasoning,
            ToolCalls = calls.Count > 0 ? calls : null,
        });
    }

    private static ResponseFormat? ToResponseFormat(ChatResponseFormat? format) => format switch
    {
        null => null,
        ChatResponseFormatText => ResponseFormat.Text,
        ChatResponseFormatJson { Schema: { } schema } json => ResponseFormat.ForJsonSchema(json.SchemaName ?? "response", schema, strict: true, json.SchemaDescription),
        ChatResponseFormatJson => ResponseFormat.JsonObject,
        _ => null,
    };

    private static List<Tool> ToTools(IList<AITool> tools)
        => tools.OfType<AIFunctionDeclaration>()
            .Select(function => Tool.ForFunction(function.Name, function.Description, function.JsonSchema))
            .ToList();

    private static ToolChoice? ToToolChoice(ChatToolMode? mode, IList<AITool>? tools)
    {
        if (tools is not { Count: > 0 })
        {
            return null;
        }

        return mode switch
        {
            NoneChatToolMode => ToolChoice.None,
            RequiredChatToolMode { RequiredFunctionName: { } name } => ToolChoice.ForFunction(name),
            RequiredChatToolMode => ToolChoice.Required,
            AutoChatToolMode => ToolChoice.Auto,
            _ => null,
        };
    }

    private static string? ToReasoningEffort(ReasoningEffort? effort) => effort switch
    {
        null => null,
        ReasoningEffort.None => "none",
        ReasoningEffort.Low => "low",
        ReasoningEffort.Medium => "medium",
        _ => "high",
    };
}
