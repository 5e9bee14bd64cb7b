using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Files;

/// <summary>The body of <c>POST files/{file_id}/public-url</c>.</summary>
public sealed record FilePublicUrlRequest
{
    /// <summary>
    /// Seconds until the URL expires, 3600 (1 hour) to 2592000 (30 days); null inherits the file's expiry or, without
    /// one, keeps the URL until it is revoked.
    /// </summary>
    [JsonPropertyName("expires_after")]
    public long? ExpiresAfter { get; init; }

    /// <summary>Gets members this version does not model, kept and sent again so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
