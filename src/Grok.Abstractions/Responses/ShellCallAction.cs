using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>The commands of a <see cref="ShellCallItem"/> and the limits to run them with.</summary>
public sealed class ShellCallAction
{
    /// <summary>Gets the kind, <c>exec</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the commands to run.</summary>
    [JsonPropertyName("commands")]
    public IList<string> Commands { get; init; } = [];

    /// <summary>Gets the most characters to return from each command.</summary>
    [JsonPropertyName("max_output_length")]
    public int? MaxOutputLength { get; init; }

    /// <summary>Gets the timeout of the commands, in milliseconds.</summary>
    [JsonPropertyName("timeout_ms")]
    public long? TimeoutMs { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
