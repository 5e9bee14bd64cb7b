using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>The server-side tool calls behind a request (<c>usage.server_side_tool_usage_details</c>); these are billed per call or item.</summary>
public sealed class ServerSideToolUsageDetails
{
    /// <summary>Web search calls.</summary>
    [JsonPropertyName("web_search_calls")]
    public int WebSearchCalls { get; init; }

    /// <summary>X search calls.</summary>
    [JsonPropertyName("x_search_calls")]
    public int XSearchCalls { get; init; }

    /// <summary>X posts fetched across all X searches (billed per item).</summary>
    [JsonPropertyName("x_posts_fetched")]
    public int XPostsFetched { get; init; }

    /// <summary>X user profiles fetched across all X searches (billed per item).</summary>
    [JsonPropertyName("x_users_fetched")]
    public int XUsersFetched { get; init; }

    /// <summary>Code interpreter calls.</summary>
    [JsonPropertyName("code_interpreter_calls")]
    public int CodeInterpreterCalls { get; init; }

    /// <summary>File search calls.</summary>
    [JsonPropertyName("file_search_calls")]
    public int FileSearchCalls { get; init; }

    /// <summary>MCP calls.</summary>
    [JsonPropertyName("mcp_calls")]
    public int McpCalls { get; init; }

    /// <summary>Document (collection) search calls.</summary>
    [JsonPropertyName("document_search_calls")]
    public int DocumentSearchCalls { get; init; }

    /// <summary>Image generation calls.</summary>
    [JsonPropertyName("image_generation_calls")]
    public int ImageGenerationCalls { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
