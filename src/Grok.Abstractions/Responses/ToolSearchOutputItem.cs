using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>The tool definitions a tool search loaded (<c>tool_search_output</c>).</summary>
public sealed class ToolSearchOutputItem : ResponseItem
{
    /// <summary>Initializes a new instance of the <see cref="ToolSearchOutputItem"/> class.</summary>
    public ToolSearchOutputItem() => Type = "tool_search_output";

    /// <summary>Gets the call id (always null; kept for compatibility).</summary>
    [JsonPropertyName("call_id")]
    public string? CallId { get; init; }

    /// <summary>Gets where the search ran, <c>server</c>.</summary>
    [JsonPropertyName("execution")]
    public string? Execution { get; init; }

    /// <summary>Gets the loaded tool definitions, in the shape they were supplied.</summary>
    [JsonPropertyName("tools")]
    public IList<ResponseTool>? Tools { get; init; }
}
