using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Tokenize;

/// <summary>The answer of <c>POST tokenize-text</c>.</summary>
public sealed class TokenizeTextResponse
{
    /// <summary>The tokens, in order.</summary>
    [JsonPropertyName("token_ids")]
    public IReadOnlyList<TokenInfo> TokenIds { get; init; } = [];

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
