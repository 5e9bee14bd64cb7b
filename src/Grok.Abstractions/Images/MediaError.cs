using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Images;

/// <summary>Why a deferred image or video generation failed.</summary>
public sealed class MediaError
{
    /// <summary><c>invalid_argument</c>, <c>permission_denied</c>, <c>failed_precondition</c>, <c>service_unavailable</c> or <c>internal_error</c>.</summary>
    [JsonPropertyName("code")]
    public string Code { get; init; } = "";

    /// <summary>A human-readable description.</summary>
    [JsonPropertyName("message")]
    public string Message { get; init; } = "";

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    public override string ToString() => Code + ": " + Message;
}
