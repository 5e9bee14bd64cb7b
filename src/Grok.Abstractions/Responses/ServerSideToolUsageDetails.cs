using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>Server-side tool calls of a response, per tool (X search is billed per fetched item).</summary>
public sealed class ServerSideToolUsageDetails
{
    /// <summary>Gets the web search calls.</summary>
    [JsonPropertyName("web_search_calls")]
    public int? WebSearchCalls { get; init; }

    /// <summary>Gets the X search calls.</summary>
    [JsonPropertyName("x_search_calls")]
    public int? XSearchCalls { get; init; }

    /// <summary>Gets the X posts fetched across all X searches.</summary>
    [JsonPropertyName("x_posts_fetched")]
    public int? XPostsFetched { get; init; }

    /// <summary>Gets the X user profiles fetched across all X searches.</summary>
    [JsonPropertyName("x_users_fetched")]
    public int? XUsersFetched { get; init; }

    /// <summary>Gets the code interpreter calls.</summary>
    [JsonPropertyName("code_interpreter_calls")]
    public int? CodeInterpreterCalls { get; init; }

    /// <summary>Gets the file search calls.</summary>
    [JsonPropertyName("file_search_calls")]
    public int? FileSearchCalls { get; init; }

    /// <summary>Gets the MCP calls.</summary>
    [JsonPropertyName("mcp_calls")]
    public int? McpCalls { get; init; }

    /// <summary>Gets the document search calls.</summary>
    [JsonPropertyName("document_search_calls")]
    public int? DocumentSearchCalls { get; init; }

    /// <summary>Gets the image generation calls.</summary>
    [JsonPropertyName("image_generation_calls")]
    public int? ImageGenerationCalls { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
