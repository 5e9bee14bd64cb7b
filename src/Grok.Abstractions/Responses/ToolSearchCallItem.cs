using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>A search over deferred tool definitions xAI ran (<c>tool_search_call</c>).</summary>
public sealed class ToolSearchCallItem : ResponseItem
{
    /// <summary>Initializes a new instance of the <see cref="ToolSearchCallItem"/> class.</summary>
    public ToolSearchCallItem() => Type = "tool_search_call";

    /// <summary>Gets the search's arguments, <c>{ "query": ..., "limit": ... }</c>.</summary>
    [JsonPropertyName("arguments")]
    public JsonElement? Arguments { get; init; }

    /// <summary>Gets the call id (always null; kept for compatibility).</summary>
    [JsonPropertyName("call_id")]
    public string? CallId { get; init; }

    /// <summary>Gets where the search ran, <c>server</c>.</summary>
    [JsonPropertyName("execution")]
    public string? Execution { get; init; }
}
