using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Batches;

/// <summary>The body of <c>POST batches</c>.</summary>
public sealed record CreateBatchRequest
{
    /// <summary>A name for the batch.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>
    /// An uploaded JSONL file of requests (one <see cref="BatchRequest"/> per line). A batch made from a file takes no
    /// further requests.
    /// </summary>
    [JsonPropertyName("input_file_id")]
    public string? InputFileId { get; init; }

    /// <summary>Gets members this version does not model, kept and sent again so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
