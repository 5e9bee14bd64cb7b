using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Batches;

/// <summary>How far a <see cref="Batch"/> has got.</summary>
public sealed class BatchState
{
    /// <summary>All requests in the batch.</summary>
    [JsonPropertyName("num_requests")]
    public int NumRequests { get; init; }

    /// <summary>Requests not processed yet.</summary>
    [JsonPropertyName("num_pending")]
    public int NumPending { get; init; }

    /// <summary>Requests that succeeded.</summary>
    [JsonPropertyName("num_success")]
    public int NumSuccess { get; init; }

    /// <summary>Requests that failed.</summary>
    [JsonPropertyName("num_error")]
    public int NumError { get; init; }

    /// <summary>Requests cancelled before they ran.</summary>
    [JsonPropertyName("num_cancelled")]
    public int NumCancelled { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
