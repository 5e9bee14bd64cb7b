using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>An output of executed code: <c>logs</c> or an <c>image</c>.</summary>
public sealed class CodeInterpreterOutput
{
    /// <summary>Gets the kind, <c>logs</c> or <c>image</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "logs";

    /// <summary>Gets the logs of a <c>logs</c> output.</summary>
    [JsonPropertyName("logs")]
    public string? Logs { get; init; }

    /// <summary>Gets the URL of an <c>image</c> output.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
