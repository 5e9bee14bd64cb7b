using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Batches;

/// <summary>A page of <c>GET batches</c>.</summary>
public sealed class BatchList
{
    /// <summary>The batches of this page.</summary>
    [JsonPropertyName("batches")]
    public IReadOnlyList<Batch> Batches { get; init; } = [];

    /// <summary>The token for the next page; null or empty on the last.</summary>
    [JsonPropertyName("pagination_token")]
    public string? PaginationToken { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
