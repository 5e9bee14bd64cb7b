using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>A function the model may call.</summary>
public sealed class FunctionDefinition
{
    /// <summary>The function name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>What the function does; the model reads it to decide when to call.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The JSON schema of the arguments object.</summary>
    [JsonPropertyName("parameters")]
    public JsonElement? Parameters { get; init; }

    /// <summary>Whether the arguments must follow the schema exactly.</summary>
    [JsonPropertyName("strict")]
    public bool? Strict { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
