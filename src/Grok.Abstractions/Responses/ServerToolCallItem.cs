using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>
/// A tool call xAI runs itself (web search, X search, code execution, file search, MCP, image generation). xAI reports
/// the tool's <see cref="Name"/> and <see cref="Arguments"/> on each; the subclasses add what each tool returns.
/// </summary>
public abstract class ServerToolCallItem : ResponseItem
{
    /// <summary>Initializes a new instance of the <see cref="ServerToolCallItem"/> class.</summary>
    private protected ServerToolCallItem()
    {
    }

    /// <summary>Gets the name of the tool that ran, such as <c>web_search</c> or <c>code_execution</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the tool's arguments, a JSON object as text.</summary>
    [JsonPropertyName("arguments")]
    public string? Arguments { get; init; }

    /// <summary>Gets the call id (empty for server-side calls, which need no answer).</summary>
    [JsonPropertyName("call_id")]
    public string? CallId { get; init; }
}
