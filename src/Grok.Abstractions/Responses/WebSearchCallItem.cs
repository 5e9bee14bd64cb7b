using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>A web search xAI ran (<c>web_search_call</c>).</summary>
public sealed class WebSearchCallItem : ServerToolCallItem
{
    /// <summary>Initializes a new instance of the <see cref="WebSearchCallItem"/> class.</summary>
    public WebSearchCallItem() => Type = "web_search_call";

    /// <summary>Gets what the search did (search, open a page, find in a page), when xAI reports it.</summary>
    [JsonPropertyName("action")]
    public WebSearchAction? Action { get; init; }
}
