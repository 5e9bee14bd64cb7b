using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Images;

/// <summary>One generated image.</summary>
public sealed class GeneratedImage
{
    /// <summary>Where to fetch it (response_format url).</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The image bytes, base64 (response_format b64_json).</summary>
    [JsonPropertyName("b64_json")]
    public string? B64Json { get; init; }

    /// <summary>The prompt as the model rewrote it.</summary>
    [JsonPropertyName("revised_prompt")]
    public string? RevisedPrompt { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
