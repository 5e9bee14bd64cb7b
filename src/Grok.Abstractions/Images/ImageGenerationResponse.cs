using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Images;

/// <summary>The answer of <c>POST images/generations</c> and <c>POST images/edits</c>.</summary>
public sealed class ImageGenerationResponse
{
    /// <summary>The images.</summary>
    [JsonPropertyName("data")]
    public IReadOnlyList<GeneratedImage> Data { get; init; } = [];

    /// <summary>What the request cost.</summary>
    [JsonPropertyName("usage")]
    public MediaUsage? Usage { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
