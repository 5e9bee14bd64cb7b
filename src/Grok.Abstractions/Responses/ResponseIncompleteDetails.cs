using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>Why a response is incomplete.</summary>
public sealed class ResponseIncompleteDetails
{
    /// <summary>Gets the reason: <c>max_output_tokens</c>, <c>max_prompt_tokens</c>, <c>max_time_limit</c>, or <c>content_filter</c>.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
