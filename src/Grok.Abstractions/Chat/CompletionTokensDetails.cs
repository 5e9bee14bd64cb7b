using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>How the completion tokens break down.</summary>
public sealed class CompletionTokensDetails
{
    /// <summary>Tokens spent thinking (counted in total_tokens, not in completion_tokens).</summary>
    [JsonPropertyName("reasoning_tokens")]
    public int? ReasoningTokens { get; init; }

    /// <summary>Audio tokens.</summary>
    [JsonPropertyName("audio_tokens")]
    public int? AudioTokens { get; init; }

    /// <summary>Predicted tokens that were used.</summary>
    [JsonPropertyName("accepted_prediction_tokens")]
    public int? AcceptedPredictionTokens { get; init; }

    /// <summary>Predicted tokens that were not used.</summary>
    [JsonPropertyName("rejected_prediction_tokens")]
    public int? RejectedPredictionTokens { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
