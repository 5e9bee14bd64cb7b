using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>A tool call the model made; in stream deltas, fragments share an <see cref="Index"/>.</summary>
public sealed class ToolCall
{
    /// <summary>The call id, echoed back in the tool message's <c>tool_call_id</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The tool type, <c>function</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The position of the call among parallel calls (stream deltas only).</summary>
    [JsonPropertyName("index")]
    public int? Index { get; init; }

    /// <summary>The function and its arguments.</summary>
    [JsonPropertyName("function")]
    public FunctionCall? Function { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
