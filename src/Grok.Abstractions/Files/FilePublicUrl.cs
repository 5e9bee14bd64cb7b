using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Files;

/// <summary>A public, unauthenticated URL of a file (<c>POST files/{file_id}/public-url</c>).</summary>
public sealed class FilePublicUrl
{
    /// <summary>The URL anyone can fetch the file from.</summary>
    [JsonPropertyName("public_url")]
    public string PublicUrl { get; init; } = "";

    /// <summary>When the URL expires, Unix seconds; null when it lasts until revoked.</summary>
    [JsonPropertyName("expires_at")]
    public long? ExpiresAt { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
