using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Models;

/// <summary>The optional request parameters a model accepts. Read reasoning efforts from here, never from a fixed list.</summary>
public sealed class ModelCapabilities
{
    /// <summary>The values the model accepts for <c>reasoning_effort</c> (or <c>reasoning.effort</c>), e.g. <c>low</c>, <c>high</c>.</summary>
    [JsonPropertyName("reasoning_effort")]
    public IReadOnlyList<string> ReasoningEffort { get; init; } = [];

    /// <summary>The effort used when a request names none.</summary>
    [JsonPropertyName("default_reasoning_effort")]
    public string? DefaultReasoningEffort { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
