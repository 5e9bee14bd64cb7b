using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Images;

/// <summary>What an image or video request cost (<c>usage</c> of image and video answers).</summary>
public sealed class MediaUsage
{
    /// <summary>The cost in USD ticks (100,000,000 per US cent).</summary>
    [JsonPropertyName("cost_in_usd_ticks")]
    public long CostInUsdTicks { get; init; }

    /// <summary>Gets <see cref="CostInUsdTicks"/> in US dollars.</summary>
    [JsonIgnore]
    public decimal CostInUsd => CostInUsdTicks / (decimal)Grok.Chat.Usage.TicksPerUsd;

    /// <summary>Input tokens, for models with token-based usage.</summary>
    [JsonPropertyName("input_tokens")]
    public int? InputTokens { get; init; }

    /// <summary>Output tokens, for models with token-based usage.</summary>
    [JsonPropertyName("output_tokens")]
    public int? OutputTokens { get; init; }

    /// <summary>Input plus output tokens.</summary>
    [JsonPropertyName("total_tokens")]
    public int? TotalTokens { get; init; }

    /// <summary>Gets members this version does not model (token details among them), kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
