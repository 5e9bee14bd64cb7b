using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>The breakdown of a response's output tokens.</summary>
public sealed class OutputTokensDetails
{
    /// <summary>Gets the tokens spent reasoning.</summary>
    [JsonPropertyName("reasoning_tokens")]
    public int? ReasoningTokens { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
