using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>The function a tool call invokes.</summary>
public sealed class FunctionCall
{
    /// <summary>The function name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The arguments as JSON text, as the model wrote them (parse with <c>System.Text.Json</c>).</summary>
    [JsonPropertyName("arguments")]
    public string? Arguments { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
