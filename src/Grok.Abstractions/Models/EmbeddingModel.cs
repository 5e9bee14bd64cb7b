using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Models;

/// <summary>An embedding model (<c>GET embedding-models</c>).</summary>
public sealed class EmbeddingModel
{
    /// <summary>The model id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>The build fingerprint.</summary>
    [JsonPropertyName("fingerprint")]
    public string? Fingerprint { get; init; }

    /// <summary>Creation time, Unix seconds.</summary>
    [JsonPropertyName("created")]
    public long Created { get; init; }

    /// <summary><c>model</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>The owner.</summary>
    [JsonPropertyName("owned_by")]
    public string? OwnedBy { get; init; }

    /// <summary>The version.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    /// <summary>e.g. <c>text</c>.</summary>
    [JsonPropertyName("input_modalities")]
    public IReadOnlyList<string>? InputModalities { get; init; }

    /// <summary>Price per 100 million text tokens, in US cents.</summary>
    [JsonPropertyName("prompt_text_token_price")]
    public long? PromptTextTokenPrice { get; init; }

    /// <summary>Price per 100 million image tokens, in US cents.</summary>
    [JsonPropertyName("prompt_image_token_price")]
    public long? PromptImageTokenPrice { get; init; }

    /// <summary>Other names of the model.</summary>
    [JsonPropertyName("aliases")]
    public IReadOnlyList<string>? Aliases { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
