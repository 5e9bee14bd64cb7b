using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Models;

/// <summary>The answer of <c>GET models</c>.</summary>
public sealed class ModelList
{
    /// <summary>The models.</summary>
    [JsonPropertyName("data")]
    public IReadOnlyList<Model> Data { get; init; } = [];

    /// <summary><c>list</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
