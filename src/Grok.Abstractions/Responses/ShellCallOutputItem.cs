using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>What a <see cref="ShellCallItem"/>'s commands printed, sent back to the model (<c>shell_call_output</c>).</summary>
public sealed class ShellCallOutputItem : ResponseInputItem
{
    /// <summary>Initializes a new instance of the <see cref="ShellCallOutputItem"/> class.</summary>
    public ShellCallOutputItem() => Type = "shell_call_output";

    /// <summary>Gets the <see cref="ShellCallItem.CallId"/> this answers.</summary>
    [JsonPropertyName("call_id")]
    public string CallId { get; init; } = "";

    /// <summary>Gets the most characters per command the model asked for (send back its value).</summary>
    [JsonPropertyName("max_output_length")]
    public int? MaxOutputLength { get; init; }

    /// <summary>Gets one result per command: <c>{ outcome: { type: "exit", exit_code } | { type: "timeout" }, stdout, stderr }</c>, as JSON.</summary>
    [JsonPropertyName("output")]
    public IList<JsonElement> Output { get; init; } = [];
}
