using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Files;

/// <summary>The answer of <c>POST files/{file_id}/public-url/revoke</c> (idempotent).</summary>
public sealed class RevokedFilePublicUrl
{
    /// <summary>The file id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>Whether a URL was revoked; false when the file had none.</summary>
    [JsonPropertyName("revoked")]
    public bool Revoked { get; init; }

    /// <summary>The revoked URL, when one was.</summary>
    [JsonPropertyName("public_url")]
    public string? PublicUrl { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
