using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Files;

/// <summary>
/// Stores a generated image or video in the Files API as well: the answer then carries a <c>file_output</c> with the
/// file's id (and, when asked, a public URL).
/// </summary>
public sealed record StorageOptions
{
    /// <summary>The stored file's name.</summary>
    [JsonPropertyName("filename")]
    public string FileName { get; init; } = "";

    /// <summary>Seconds until the stored file expires, at most 2592000 (30 days); null keeps it until deleted.</summary>
    [JsonPropertyName("expires_after")]
    public long? ExpiresAfter { get; init; }

    /// <summary>Creates a public URL for the stored file too; null creates none.</summary>
    [JsonPropertyName("public_url")]
    public FilePublicUrlRequest? PublicUrl { get; init; }

    /// <summary>Gets members this version does not model, kept and sent again so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
