using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>A piece of a reasoning item: <c>summary_text</c> or <c>reasoning_text</c>.</summary>
public sealed class ReasoningPart
{
    /// <summary>Gets the kind, <c>summary_text</c> or <c>reasoning_text</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "summary_text";

    /// <summary>Gets the text.</summary>
    [JsonPropertyName("text")]
    public string Text { get; init; } = "";

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
