using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Models;

/// <summary>Who is calling (<c>GET me</c>): user, team, Zero Data Retention status and the key or OAuth client in use.</summary>
public sealed class CallerIdentity
{
    /// <summary>The user id behind the credentials.</summary>
    [JsonPropertyName("user_id")]
    public string UserId { get; init; } = "";

    /// <summary>The team id behind the credentials.</summary>
    [JsonPropertyName("team_id")]
    public string TeamId { get; init; } = "";

    /// <summary><c>no_zdr</c> or <c>zdr</c> (Zero Data Retention); older answers may say <c>pii_scrubbing</c>.</summary>
    [JsonPropertyName("zdr_status")]
    public string? ZdrStatus { get; init; }

    /// <summary>Whether the team is blocked from making API requests.</summary>
    [JsonPropertyName("team_blocked")]
    public bool TeamBlocked { get; init; }

    /// <summary>The API key in use (redacted), when the caller authenticated with one.</summary>
    [JsonPropertyName("api_key")]
    public CallerApiKey? ApiKey { get; init; }

    /// <summary>The OAuth client, when the caller authenticated with an OAuth token.</summary>
    [JsonPropertyName("oauth")]
    public CallerOAuthClient? OAuth { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
