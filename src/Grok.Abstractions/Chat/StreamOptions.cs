using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>Options of a streamed chat completion (<c>stream_options</c>).</summary>
public sealed class StreamOptions
{
    /// <summary>Whether a final chunk with <c>usage</c> (and empty <c>choices</c>) comes before <c>[DONE]</c>.</summary>
    [JsonPropertyName("include_usage")]
    public bool? IncludeUsage { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
