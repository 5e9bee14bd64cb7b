using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Models;

/// <summary>What xAI knows of the API key in use (<c>GET api-key</c>); never the key itself.</summary>
public sealed class ApiKeyInfo
{
    /// <summary>The key with most characters masked.</summary>
    [JsonPropertyName("redacted_api_key")]
    public string? RedactedApiKey { get; init; }

    /// <summary>The owner's id.</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>The key's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>When it was created.</summary>
    [JsonPropertyName("create_time")]
    public string? CreateTime { get; init; }

    /// <summary>When it was last changed.</summary>
    [JsonPropertyName("modify_time")]
    public string? ModifyTime { get; init; }

    /// <summary>Who changed it.</summary>
    [JsonPropertyName("modified_by")]
    public string? ModifiedBy { get; init; }

    /// <summary>The team.</summary>
    [JsonPropertyName("team_id")]
    public string? TeamId { get; init; }

    /// <summary>What the key may do, e.g. <c>api-key:endpoint:*</c>.</summary>
    [JsonPropertyName("acls")]
    public IReadOnlyList<string>? Acls { get; init; }

    /// <summary>The key's id.</summary>
    [JsonPropertyName("api_key_id")]
    public string? ApiKeyId { get; init; }

    /// <summary>Whether the team is blocked.</summary>
    [JsonPropertyName("team_blocked")]
    public bool? TeamBlocked { get; init; }

    /// <summary>Whether the key is blocked.</summary>
    [JsonPropertyName("api_key_blocked")]
    public bool? ApiKeyBlocked { get; init; }

    /// <summary>Whether the key is disabled.</summary>
    [JsonPropertyName("api_key_disabled")]
    public bool? ApiKeyDisabled { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
