using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>An annotation of an <c>output_text</c> part; xAI sends <c>url_citation</c>s, the pages a search-backed answer cites.</summary>
public sealed class ResponseAnnotation
{
    /// <summary>Gets the kind, <c>url_citation</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "url_citation";

    /// <summary>Gets the cited URL.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Gets the cited page's title, when known.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Gets where the cited span starts in the text, when known.</summary>
    [JsonPropertyName("start_index")]
    public int? StartIndex { get; init; }

    /// <summary>Gets where the cited span ends in the text, when known.</summary>
    [JsonPropertyName("end_index")]
    public int? EndIndex { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
