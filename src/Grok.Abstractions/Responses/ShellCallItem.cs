using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>A shell command the model asks you to run locally (<c>shell_call</c>); answer with a <see cref="ShellCallOutputItem"/>.</summary>
public sealed class ShellCallItem : ResponseItem
{
    /// <summary>Initializes a new instance of the <see cref="ShellCallItem"/> class.</summary>
    public ShellCallItem() => Type = "shell_call";

    /// <summary>Gets the id to answer with.</summary>
    [JsonPropertyName("call_id")]
    public string CallId { get; init; } = "";

    /// <summary>Gets the commands and limits to run them with.</summary>
    [JsonPropertyName("action")]
    public ShellCallAction? Action { get; init; }

    /// <summary>Gets the environment the call is for, as sent.</summary>
    [JsonPropertyName("environment")]
    public JsonElement? Environment { get; init; }
}
