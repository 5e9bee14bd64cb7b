using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Embeddings;

/// <summary>The answer of <c>POST embeddings</c>.</summary>
public sealed class EmbeddingResponse
{
    /// <summary><c>list</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>One embedding per input, by index.</summary>
    [JsonPropertyName("data")]
    public IReadOnlyList<Embedding> Data { get; init; } = [];

    /// <summary>The model that embedded.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Tokens used.</summary>
    [JsonPropertyName("usage")]
    public EmbeddingUsage? Usage { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
