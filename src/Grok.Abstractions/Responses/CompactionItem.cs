using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>A compacted conversation from <c>POST responses/compact</c>; send it back verbatim as input (<c>compaction</c>).</summary>
public sealed class CompactionItem : ResponseInputItem
{
    /// <summary>Initializes a new instance of the <see cref="CompactionItem"/> class.</summary>
    public CompactionItem() => Type = "compaction";

    /// <summary>Gets the opaque compacted conversation; do not parse it.</summary>
    [JsonPropertyName("encrypted_content")]
    public string EncryptedContent { get; init; } = "";
}
