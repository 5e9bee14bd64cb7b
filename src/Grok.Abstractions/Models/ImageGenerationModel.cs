using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Models;

/// <summary>An image generation model (<c>GET image-generation-models</c>).</summary>
public sealed class ImageGenerationModel
{
    /// <summary>The model id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>The build fingerprint.</summary>
    [JsonPropertyName("fingerprint")]
    public string? Fingerprint { get; init; }

    /// <summary>The longest prompt accepted.</summary>
    [JsonPropertyName("max_prompt_length")]
    public int? MaxPromptLength { get; init; }

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

    /// <summary>e.g. <c>image</c>.</summary>
    [JsonPropertyName("output_modalities")]
    public IReadOnlyList<string>? OutputModalities { get; init; }

    /// <summary>Price of one image at the default tier (medium quality, 1k), in USD ticks (200,000,000 is 2 US cents).</summary>
    [JsonPropertyName("image_price")]
    public long? ImagePrice { get; init; }

    /// <summary>Per-image prices by quality and resolution; absent when every quality costs <see cref="ImagePrice"/>.</summary>
    [JsonPropertyName("pricing")]
    public IReadOnlyList<ImagePricingTier>? Pricing { get; init; }

    /// <summary>Other names of the model.</summary>
    [JsonPropertyName("aliases")]
    public IReadOnlyList<string>? Aliases { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
