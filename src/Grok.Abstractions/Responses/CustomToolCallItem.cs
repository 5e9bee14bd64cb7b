using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>A custom server-side tool call (<c>custom_tool_call</c>); xAI sends X searches this way, with the search in <see cref="ServerToolCallItem.Name"/> and its arguments in <see cref="Input"/>.</summary>
public sealed class CustomToolCallItem : ServerToolCallItem
{
    /// <summary>Initializes a new instance of the <see cref="CustomToolCallItem"/> class.</summary>
    public CustomToolCallItem() => Type = "custom_tool_call";

    /// <summary>Gets the tool input, usually a JSON object as text.</summary>
    [JsonPropertyName("input")]
    public string? Input { get; init; }
}
