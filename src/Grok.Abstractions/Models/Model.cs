using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Models;

/// <summary>A model, in the OpenAI-compatible shape of <c>GET models</c>.</summary>
public sealed class Model : IPricedModel
{
    /// <summary>The model id, e.g. <c>grok-4-0709</c>.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>Creation time, Unix seconds.</summary>
    [JsonPropertyName("created")]
    public long Created { get; init; }

    /// <summary><c>model</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>The owner, <c>xai</c>.</summary>
    [JsonPropertyName("owned_by")]
    public string? OwnedBy { get; init; }

    /// <summary>Other names of the model that requests may use.</summary>
    [JsonPropertyName("aliases")]
    public IReadOnlyList<string>? Aliases { get; init; }

    /// <summary>The longest context the model takes, in tokens.</summary>
    [JsonPropertyName("context_length")]
    public long? ContextLength { get; init; }

    /// <summary>Price per 100 million prompt text tokens, in US cents (so: USD ticks per token).</summary>
    [JsonPropertyName("prompt_text_token_price")]
    public long? PromptTextTokenPrice { get; init; }

    /// <summary>Price per 100 million cached prompt text tokens, in US cents.</summary>
    [JsonPropertyName("cached_prompt_text_token_price")]
    public long? CachedPromptTextTokenPrice { get; init; }

    /// <summary>Price per 100 million prompt image tokens, in US cents.</summary>
    [JsonPropertyName("prompt_image_token_price")]
    public long? PromptImageTokenPrice { get; init; }

    /// <summary>Price per 100 million completion (and reasoning) tokens, in US cents.</summary>
    [JsonPropertyName("completion_text_token_price")]
    public long? CompletionTextTokenPrice { get; init; }

    /// <summary>Price per 100 million prompt text tokens at or above <see cref="LongContextThreshold"/>, in US cents.</summary>
    [JsonPropertyName("prompt_text_token_price_long_context")]
    public long? PromptTextTokenPriceLongContext { get; init; }

    /// <summary>Price per 100 million cached prompt tokens at or above <see cref="LongContextThreshold"/>, in US cents.</summary>
    [JsonPropertyName("cached_prompt_text_token_price_long_context")]
    public long? CachedPromptTextTokenPriceLongContext { get; init; }

    /// <summary>Price per 100 million completion tokens at or above <see cref="LongContextThreshold"/>, in US cents.</summary>
    [JsonPropertyName("completion_text_token_price_long_context")]
    public long? CompletionTextTokenPriceLongContext { get; init; }

    /// <summary>The prompt size, in tokens, from which the long-context prices apply; 0 or null when there are none.</summary>
    [JsonPropertyName("long_context_threshold")]
    public long? LongContextThreshold { get; init; }

    /// <summary>Price of one image (image models) at the default tier, in USD ticks (200,000,000 is 2 US cents).</summary>
    [JsonPropertyName("image_price")]
    public long? ImagePrice { get; init; }

    /// <summary>Per-image prices by quality and resolution (image models).</summary>
    [JsonPropertyName("pricing")]
    public IReadOnlyList<ImagePricingTier>? Pricing { get; init; }

    /// <summary>The optional request parameters the model accepts, such as its reasoning efforts.</summary>
    [JsonPropertyName("capabilities")]
    public ModelCapabilities? Capabilities { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
