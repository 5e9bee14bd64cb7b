using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Models;

/// <summary>A model, in the OpenAI-compatible shape of <c>GET models</c>.</summary>
public sealed class Model
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

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
