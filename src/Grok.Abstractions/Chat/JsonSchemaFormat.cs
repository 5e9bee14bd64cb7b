using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>A JSON schema the answer must follow.</summary>
public sealed class JsonSchemaFormat
{
    /// <summary>The schema's name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>What the schema describes.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The JSON schema.</summary>
    [JsonPropertyName("schema")]
    public JsonElement? Schema { get; init; }

    /// <summary>Whether the answer must follow the schema exactly.</summary>
    [JsonPropertyName("strict")]
    public bool? Strict { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
