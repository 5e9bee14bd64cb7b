using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Models;

/// <summary>The API key part of <see cref="CallerIdentity"/>; never the key itself.</summary>
public sealed class CallerApiKey
{
    /// <summary>The key with most characters masked.</summary>
    [JsonPropertyName("redacted_api_key")]
    public string? RedactedApiKey { get; init; }

    /// <summary>The key's id.</summary>
    [JsonPropertyName("api_key_id")]
    public string? ApiKeyId { get; init; }

    /// <summary>Whether the key is blocked.</summary>
    [JsonPropertyName("blocked")]
    public bool Blocked { get; init; }

    /// <summary>Whether the key is disabled.</summary>
    [JsonPropertyName("disabled")]
    public bool Disabled { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
