using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Models;

/// <summary>The price of one image at a (quality, resolution) tier of an image model.</summary>
public sealed class ImagePricingTier
{
    /// <summary><c>low</c>, <c>medium</c> (the default) or <c>high</c>.</summary>
    [JsonPropertyName("quality")]
    public string Quality { get; init; } = "";

    /// <summary><c>1k</c> (the default), <c>1.5k</c> or <c>2k</c>.</summary>
    [JsonPropertyName("resolution")]
    public string Resolution { get; init; } = "";

    /// <summary>The price of one image, in USD ticks (1/100,000,000 of a US cent).</summary>
    [JsonPropertyName("price_per_image")]
    public long PricePerImage { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
