using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Files;

/// <summary>Where a generated image or video was stored in the Files API (asked for with <see cref="StorageOptions"/>).</summary>
public sealed class FileOutput
{
    /// <summary>The stored file's id.</summary>
    [JsonPropertyName("file_id")]
    public string FileId { get; init; } = "";

    /// <summary>The stored file's name.</summary>
    [JsonPropertyName("filename")]
    public string FileName { get; init; } = "";

    /// <summary>When the stored file expires, Unix seconds.</summary>
    [JsonPropertyName("expires_at")]
    public long? ExpiresAt { get; init; }

    /// <summary>The file's public URL, when one was asked for and created.</summary>
    [JsonPropertyName("public_url")]
    public string? PublicUrl { get; init; }

    /// <summary>Why the public URL could not be created (the file itself was stored).</summary>
    [JsonPropertyName("public_url_error")]
    public string? PublicUrlError { get; init; }

    /// <summary>When the public URL expires, Unix seconds.</summary>
    [JsonPropertyName("public_url_expires_at")]
    public long? PublicUrlExpiresAt { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
