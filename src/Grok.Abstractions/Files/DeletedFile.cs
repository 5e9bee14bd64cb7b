using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Files;

/// <summary>The answer of <c>DELETE files/{file_id}</c>.</summary>
public sealed class DeletedFile
{
    /// <summary>The deleted file's id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>Whether the file was deleted.</summary>
    [JsonPropertyName("deleted")]
    public bool Deleted { get; init; }

    /// <summary><c>file</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
