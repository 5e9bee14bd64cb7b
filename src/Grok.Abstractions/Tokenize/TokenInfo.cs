using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Tokenize;

/// <summary>One token of tokenized text.</summary>
public sealed class TokenInfo
{
    /// <summary>The token id.</summary>
    [JsonPropertyName("token_id")]
    public int TokenId { get; init; }

    /// <summary>The token text.</summary>
    [JsonPropertyName("string_token")]
    public string? StringToken { get; init; }

    /// <summary>The token's UTF-8 bytes.</summary>
    [JsonPropertyName("token_bytes")]
    public IReadOnlyList<int>? TokenBytes { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
