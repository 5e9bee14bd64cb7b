using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>A chunk a file search found.</summary>
public sealed class FileSearchResult
{
    /// <summary>Gets the file's id.</summary>
    [JsonPropertyName("file_id")]
    public string FileId { get; init; } = "";

    /// <summary>Gets the file's name.</summary>
    [JsonPropertyName("filename")]
    public string? Filename { get; init; }

    /// <summary>Gets the relevance score (xAI leaves out 0).</summary>
    [JsonPropertyName("score")]
    public double? Score { get; init; }

    /// <summary>Gets the chunk's text.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
