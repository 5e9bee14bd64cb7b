using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>How the prompt tokens break down.</summary>
public sealed class PromptTokensDetails
{
    /// <summary>Text tokens.</summary>
    [JsonPropertyName("text_tokens")]
    public int? TextTokens { get; init; }

    /// <summary>Audio tokens.</summary>
    [JsonPropertyName("audio_tokens")]
    public int? AudioTokens { get; init; }

    /// <summary>Image tokens.</summary>
    [JsonPropertyName("image_tokens")]
    public int? ImageTokens { get; init; }

    /// <summary>Tokens served from the prompt cache (cheaper).</summary>
    [JsonPropertyName("cached_tokens")]
    public int? CachedTokens { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
