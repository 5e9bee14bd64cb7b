using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Batches;

/// <summary>The state of one request in a batch (<c>GET batches/{batch_id}/requests</c>).</summary>
public sealed class BatchRequestMetadata
{
    /// <summary>The request's id within the batch.</summary>
    [JsonPropertyName("batch_request_id")]
    public string BatchRequestId { get; init; } = "";

    /// <summary>The endpoint it goes to, e.g. <c>/v1/chat/completions</c>.</summary>
    [JsonPropertyName("endpoint")]
    public string? Endpoint { get; init; }

    /// <summary>The model it names.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary><c>pending</c>, <c>succeeded</c>, <c>failed</c>, <c>cancelled</c> or <c>unknown</c>.</summary>
    [JsonPropertyName("state")]
    public string State { get; init; } = "";

    /// <summary>When it was added.</summary>
    [JsonPropertyName("create_time")]
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary>When it finished, if it has.</summary>
    [JsonPropertyName("finish_time")]
    public DateTimeOffset? FinishTime { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
