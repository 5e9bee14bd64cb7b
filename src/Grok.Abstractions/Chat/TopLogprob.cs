using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>An alternative token at one position.</summary>
public sealed class TopLogprob
{
    /// <summary>The token text.</summary>
    [JsonPropertyName("token")]
    public string? Token { get; init; }

    /// <summary>The log probability.</summary>
    [JsonPropertyName("logprob")]
    public double Logprob { get; init; }

    /// <summary>The token's UTF-8 bytes.</summary>
    [JsonPropertyName("bytes")]
    public IReadOnlyList<int>? Bytes { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
