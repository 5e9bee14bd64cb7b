using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>What a web search call did: <c>search</c> (a query), <c>open_page</c> or <c>find_in_page</c> (a URL).</summary>
public sealed class WebSearchAction
{
    /// <summary>Gets the kind: <c>search</c>, <c>open_page</c> or <c>find_in_page</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "search";

    /// <summary>Gets the query of a <c>search</c>.</summary>
    [JsonPropertyName("query")]
    public string? Query { get; init; }

    /// <summary>Gets the URL of <c>open_page</c> and <c>find_in_page</c>.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Gets the pattern of <c>find_in_page</c>.</summary>
    [JsonPropertyName("pattern")]
    public string? Pattern { get; init; }

    /// <summary>Gets the sources of a <c>search</c> (<c>{ type, url }</c>), as sent.</summary>
    [JsonPropertyName("sources")]
    public JsonElement? Sources { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
