using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Models;

/// <summary>The answer of <c>GET video-generation-models</c>.</summary>
public sealed class VideoGenerationModelList
{
    /// <summary>The models.</summary>
    [JsonPropertyName("models")]
    public IReadOnlyList<VideoGenerationModel> Models { get; init; } = [];

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
