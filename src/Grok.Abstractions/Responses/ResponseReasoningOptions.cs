using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>Reasoning settings (<c>reasoning</c>), for reasoning models.</summary>
public sealed class ResponseReasoningOptions
{
    /// <summary>Gets how hard the model thinks, such as <c>low</c> or <c>high</c>; each model lists the values it accepts in its <c>capabilities</c>.</summary>
    [JsonPropertyName("effort")]
    public string? Effort { get; init; }

    /// <summary>Gets the summary level: <c>auto</c>, <c>concise</c> or <c>detailed</c> (xAI always gives <c>detailed</c>).</summary>
    [JsonPropertyName("summary")]
    public string? Summary { get; init; }

    /// <summary>Gets the deprecated form of <see cref="Summary"/>, kept for compatibility.</summary>
    [JsonPropertyName("generate_summary")]
    public string? GenerateSummary { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
