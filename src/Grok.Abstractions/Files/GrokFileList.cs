using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Files;

/// <summary>A page of <c>GET files</c>. Pass <see cref="PaginationToken"/> back for the next page.</summary>
public sealed class GrokFileList
{
    /// <summary>The files of this page.</summary>
    [JsonPropertyName("data")]
    public IReadOnlyList<GrokFile> Data { get; init; } = [];

    /// <summary>The token for the next page. xAI always sends one; a page shorter than the limit is the last.</summary>
    [JsonPropertyName("pagination_token")]
    public string? PaginationToken { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
