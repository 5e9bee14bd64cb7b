using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using Grok.Chat;

namespace Grok.Emulation;

/// <summary>The emulator's deterministic answer to one chat request, before it is shaped as a completion or a stream.</summary>
internal sealed class ChatAnswer
{
    /// <summary>Price of a prompt token in ticks (1 USD = 1e10 ticks): $0.20 per million.</summary>
    public const long PromptTickPrice = 2_000;

    /// <summary>Price of a completion or reasoning token in ticks: $0.50 per million.</summary>
    public const long CompletionTickPrice = 5_000;

    /// <summary>Image tokens counted per image part.</summary>
    public const int TokensPerImage = 256;

    private ChatAnswer(string model, string content, string? reasoning, ToolCall? toolCall, string finishReason, int promptTokens, int imageTokens)
    {
        Model = model;
        Content = content;
        Reasoning = reasoning;
        ToolCall = toolCall;
        FinishReason = finishReason;
        PromptTokens = promptTokens;
        ImageTokens = imageTokens;
        CompletionTokens = EmulatorHttp.CountWords(content) + (toolCall is null ? 0 : Math.Max(1, EmulatorHttp.CountWords(toolCall.Function?.Arguments)));
        ReasoningTokens = EmulatorHttp.CountWords(reasoning);
    }

    public string Model { get; }

    public string Content { get; }

    public string? Reasoning { get; }

    public ToolCall? ToolCall { get; }

    public string FinishReason { get; }

    public int PromptTokens { get; }

    public int ImageTokens { get; }

    public int CompletionTokens { get; }

    public int ReasoningTokens { get; }

    public static ChatAnswer Create(ChatCompletionRequest request, long toolCallNumber, int maxSchemaNodes)
    {
        var model = ResolveModel(request.Model);
        var last = request.Messages[^1];
        var userText = LastUserText(request.Messages);
        var reasoning = IsReasoning(request, model)
            ? "Thinking about the request: " + (userText.Length == 0 ? "(no text)" : userText)
            : null;

        var (promptTokens, imageTokens) = CountPrompt(request.Messages);

        if (request.Tools is { Count: > 0 } tools && last.Role != "tool" && request.ToolChoice?.Mode != "none")
        {
            var tool = PickTool(tools, request.ToolChoice?.FunctionName);
            var arguments = SampleJson.ForToolArguments(tool.Function?.Parameters).ToJsonString();
            var call = new ToolCall
            {
                Id = "call_" + toolCallNumber.ToString(CultureInfo.InvariantCulture),
                Type = "function",
                Function = new FunctionCall { Name = tool.Function?.Name ?? "", Arguments = arguments },
            };
            return new ChatAnswer(model, "", reasoning, call, "tool_calls", promptTokens, imageTokens);
        }

        string content;
        if (last.Role == "tool")
        {
            content = "The tool " + ToolName(request.Messages, last.ToolCallId) + " returned: " + (last.Content ?? "");
        }
        else if (request.ResponseFormat is { Type: "json_schema", JsonSchema.Schema: { } schema })
        {
            content = SampleJson.ForSchema(schema, maxSchemaNodes)?.ToJsonString() ?? "null";
        }
        else if (request.ResponseFormat is { Type: "json_object" })
        {
            content = new JsonObject { ["answer"] = "You said: " + userText }.ToJsonString();
        }
        else
        {
            content = "You said: " + userText;
        }

        var finishReason = "stop";
        if ((request.MaxCompletionTokens ?? request.MaxTokens) is { } limit && limit >= 0 && EmulatorHttp.CountWords(content) > limit)
        {
            content = string.Join(' ', content.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..limit]);
            finishReason = "length";
        }

        return new ChatAnswer(model, content, reasoning, null, finishReason, promptTokens, imageTokens);
    }

    /// <summary>The usage after <paramref name="completionTokens"/> completion and <paramref name="reasoningTokens"/> reasoning tokens.</summary>
    public Usage CreateUsage(int completionTokens, int reasoningTokens) => new()
    {
        PromptTokens = PromptTokens,
        CompletionTokens = completionTokens,
        TotalTokens = PromptTokens + completionTokens + reasoningTokens,
        PromptTokensDetails = new PromptTokensDetails
        {
            TextTokens = PromptTokens - ImageTokens,
            AudioTokens = 0,
            ImageTokens = ImageTokens,
            CachedTokens = 0,
        },
        CompletionTokensDetails = new CompletionTokensDetails
        {
            ReasoningTokens = reasoningTokens,
            AudioTokens = 0,
            AcceptedPredictionTokens = 0,
            RejectedPredictionTokens = 0,
        },
        NumSourcesUsed = 0,
        CostInUsdTicks = (PromptTokens * PromptTickPrice) + ((completionTokens + reasoningTokens) * CompletionTickPrice),
    };

    public Usage CreateUsage() => CreateUsage(CompletionTokens, ReasoningTokens);

    /// <summary>The model id the answer names: aliases resolve as xAI resolves them, others are echoed.</summary>
    public static string ResolveModel(string? model) => model switch
    {
        null or "" => "grok-4-0709",
        "grok-4" or "grok-4-latest" => "grok-4-0709",
        "grok-4-fast" => "grok-4-fast-reasoning",
        _ => model,
    };

    private static bool IsReasoning(ChatCompletionRequest request, string model)
        => request.ReasoningEffort is { Length: > 0 } effort && effort != "none"
            || (model.Contains("mini", StringComparison.OrdinalIgnoreCase)
                || model.Contains("reasoning", StringComparison.OrdinalIgnoreCase))
               && !model.Contains("non-reasoning", StringComparison.OrdinalIgnoreCase);

    private static string LastUserText(IList<ChatMessage> messages)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == "user")
            {
                return messages[i].Content ?? "";
            }
        }

        return "";
    }

    private static (int Prompt, int Images) CountPrompt(IList<ChatMessage> messages)
    {
        int words = 0, images = 0;
        foreach (var message in messages)
        {
            words += EmulatorHttp.CountWords(message.Content);
            if (message.ContentParts is { } parts)
            {
                foreach (var part in parts)
                {
                    if (part.Type == "image_url")
                    {
                        images += TokensPerImage;
                    }
                }
            }
        }

        return (Math.Max(1, words + images), images);
    }

    private static Tool PickTool(IList<Tool> tools, string? name)
    {
        if (name is not null)
        {
            foreach (var tool in tools)
            {
                if (tool.Function?.Name == name)
                {
                    return tool;
                }
            }
        }

        return tools[0];
    }

    private static string ToolName(IList<ChatMessage> messages, string? toolCallId)
    {
        foreach (var message in messages)
        {
            if (message.ToolCalls is null)
            {
                continue;
            }

            foreach (var call in message.ToolCalls)
            {
                if (call.Id == toolCallId && call.Function?.Name is { } name)
                {
                    return name;
                }
            }
        }

        return "call";
    }
}
