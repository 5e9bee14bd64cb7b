using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>A call of a remote MCP server's tool xAI made (<c>mcp_call</c>).</summary>
public sealed class McpCallItem : ServerToolCallItem
{
    /// <summary>Initializes a new instance of the <see cref="McpCallItem"/> class.</summary>
    public McpCallItem() => Type = "mcp_call";

    /// <summary>Gets the label of the MCP server.</summary>
    [JsonPropertyName("server_label")]
    public string? ServerLabel { get; init; }

    /// <summary>Gets the tool's output.</summary>
    [JsonPropertyName("output")]
    public string? Output { get; init; }

    /// <summary>Gets the error, when the call failed.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }
}
