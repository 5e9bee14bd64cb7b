using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>What one stream chunk adds to a message.</summary>
public sealed class ChatDelta
{
    /// <summary>The role, on the first chunk.</summary>
    [JsonPropertyName("role")]
    public string? Role { get; init; }

    /// <summary>Answer text.</summary>
    [JsonPropertyName("content")]
    public string? Content { get; init; }

    /// <summary>Reasoning text of reasoning models.</summary>
    [JsonPropertyName("reasoning_content")]
    public string? ReasoningContent { get; init; }

    /// <summary>A refusal, if the model refused.</summary>
    [JsonPropertyName("refusal")]
    public string? Refusal { get; init; }

    /// <summary>Tool calls or fragments of them, merged by <see cref="ToolCall.Index"/>.</summary>
    [JsonPropertyName("tool_calls")]
    public IReadOnlyList<ToolCall>? ToolCalls { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
