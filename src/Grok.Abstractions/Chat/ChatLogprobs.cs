using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>Log probabilities of the answer's tokens.</summary>
public sealed class ChatLogprobs
{
    /// <summary>One entry per answer token.</summary>
    [JsonPropertyName("content")]
    public IReadOnlyList<TokenLogprob>? Content { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
