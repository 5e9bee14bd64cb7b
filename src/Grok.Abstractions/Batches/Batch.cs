using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Batches;

/// <summary>A batch: many requests processed together at a lower price (<c>POST batches</c>, <c>GET batches/{batch_id}</c>).</summary>
public sealed class Batch
{
    /// <summary>The batch id.</summary>
    [JsonPropertyName("batch_id")]
    public string BatchId { get; init; } = "";

    /// <summary>The name given at creation.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>When the batch was created (RFC 3339).</summary>
    [JsonPropertyName("create_time")]
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary>When the batch expires (RFC 3339); unfinished requests are then cancelled.</summary>
    [JsonPropertyName("expire_time")]
    public DateTimeOffset? ExpireTime { get; init; }

    /// <summary>The id of the API key that created the batch.</summary>
    [JsonPropertyName("create_api_key_id")]
    public string? CreateApiKeyId { get; init; }

    /// <summary>When the batch was cancelled, if it was.</summary>
    [JsonPropertyName("cancel_time")]
    public DateTimeOffset? CancelTime { get; init; }

    /// <summary>Why xAI cancelled the batch, if it did.</summary>
    [JsonPropertyName("cancel_by_xai_message")]
    public string? CancelByXaiMessage { get; init; }

    /// <summary>The request counts: total, pending, succeeded, failed, cancelled.</summary>
    [JsonPropertyName("state")]
    public BatchState State { get; init; } = new();

    /// <summary>
    /// Gets whether the batch will not change any more: it has requests and none is pending, or it was cancelled or
    /// expired. (A batch made from an input file has no requests until xAI has read the file.)
    /// </summary>
    [JsonIgnore]
    public bool IsDone => State.NumPending == 0 && (State.NumRequests > 0 || HasEnded(DateTimeOffset.UtcNow));

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    public override string ToString()
        => $"{BatchId} ({Name}): {State.NumSuccess + State.NumError + State.NumCancelled}/{State.NumRequests} done, {State.NumPending} pending";

    private bool HasEnded(DateTimeOffset now)
        => CancelTime is not null || CancelByXaiMessage is not null || (ExpireTime is { } expires && expires <= now);
}
