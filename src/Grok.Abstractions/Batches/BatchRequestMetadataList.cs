using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Batches;

/// <summary>A page of <c>GET batches/{batch_id}/requests</c>.</summary>
public sealed class BatchRequestMetadataList
{
    /// <summary>The requests of this page.</summary>
    [JsonPropertyName("batch_request_metadata")]
    public IReadOnlyList<BatchRequestMetadata> BatchRequestMetadata { get; init; } = [];

    /// <summary>The token for the next page; null or empty on the last.</summary>
    [JsonPropertyName("pagination_token")]
    public string? PaginationToken { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
