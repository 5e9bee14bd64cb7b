using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Models;

/// <summary>A language model with its modalities and prices (<c>GET language-models</c>).</summary>
public sealed class LanguageModel : IPricedModel
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

    /// <summary>e.g. <c>text</c>, <c>image</c>.</summary>
    [JsonPropertyName("input_modalities")]
    public IReadOnlyList<string>? InputModalities { get; init; }

    /// <summary>e.g. <c>text</c>.</summary>
    [JsonPropertyName("output_modalities")]
    public IReadOnlyList<string>? OutputModalities { get; init; }

    /// <summary>Price per 100 million prompt text tokens, in US cents.</summary>
    [JsonPropertyName("prompt_text_token_price")]
    public long? PromptTextTokenPrice { get; init; }

    /// <summary>Price per 100 million cached prompt tokens, in US cents.</summary>
    [JsonPropertyName("cached_prompt_text_token_price")]
    public long? CachedPromptTextTokenPrice { get; init; }

    /// <summary>Price per 100 million prompt image tokens, in US cents.</summary>
    [JsonPropertyName("prompt_image_token_price")]
    public long? PromptImageTokenPrice { get; init; }

    /// <summary>Price per 100 million completion tokens, in US cents.</summary>
    [JsonPropertyName("completion_text_token_price")]
    public long? CompletionTextTokenPrice { get; init; }

    /// <summary>Price per 100 million searches, in US cents.</summary>
    [JsonPropertyName("search_price")]
    public long? SearchPrice { get; init; }

    /// <summary>Price per 100 million prompt text tokens at or above <see cref="LongContextThreshold"/>, in US cents; 0 means the standard price.</summary>
    [JsonPropertyName("prompt_text_token_price_long_context")]
    public long? PromptTextTokenPriceLongContext { get; init; }

    /// <summary>Price per 100 million cached prompt tokens at or above <see cref="LongContextThreshold"/>, in US cents; 0 means the standard price.</summary>
    [JsonPropertyName("cached_prompt_text_token_price_long_context")]
    public long? CachedPromptTextTokenPriceLongContext { get; init; }

    /// <summary>Price per 100 million completion tokens at or above <see cref="LongContextThreshold"/>, in US cents; 0 means the standard price.</summary>
    [JsonPropertyName("completion_text_token_price_long_context")]
    public long? CompletionTextTokenPriceLongContext { get; init; }

    /// <summary>The prompt size, in tokens, from which the long-context prices apply; 0 when the model has none.</summary>
    [JsonPropertyName("long_context_threshold")]
    public long? LongContextThreshold { get; init; }

    /// <summary>The optional request parameters the model accepts, such as its reasoning efforts.</summary>
    [JsonPropertyName("capabilities")]
    public ModelCapabilities? Capabilities { get; init; }

    /// <summary>Other names of the model.</summary>
    [JsonPropertyName("aliases")]
    public IReadOnlyList<string>? Aliases { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
