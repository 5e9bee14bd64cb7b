using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>
/// The answer of <c>POST responses/compact</c>: a shorter window (<see cref="Output"/>, one <see cref="CompactionItem"/>)
/// to send verbatim as the next input, followed by the new user turn.
/// </summary>
public sealed class CompactResponse
{
    /// <summary>Gets the compaction's id, such as <c>cmp_...</c>.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>Gets the object type, <c>response.compaction</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Gets when the compaction was made, in Unix seconds.</summary>
    [JsonPropertyName("created_at")]
    public long? CreatedAt { get; init; }

    /// <summary>Gets the model that summarized.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Gets the compacted window; send it back as it came.</summary>
    [JsonPropertyName("output")]
    public IList<ResponseInputItem> Output { get; init; } = [];

    /// <summary>Gets the tokens used and the messages dropped.</summary>
    [JsonPropertyName("usage")]
    public ResponseUsage? Usage { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
