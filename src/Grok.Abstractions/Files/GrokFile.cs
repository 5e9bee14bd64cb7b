using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Files;

/// <summary>A file in xAI's storage (<c>POST files</c>, <c>GET files/{file_id}</c>); reference it by <see cref="Id"/>.</summary>
public sealed class GrokFile
{
    /// <summary>The file id, e.g. <c>file_a128090d-...</c>.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary><c>file</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>The size in bytes.</summary>
    [JsonPropertyName("bytes")]
    public long Bytes { get; init; }

    /// <summary>The name the file was uploaded with.</summary>
    [JsonPropertyName("filename")]
    public string FileName { get; init; } = "";

    /// <summary>When the file was created, Unix seconds.</summary>
    [JsonPropertyName("created_at")]
    public long CreatedAt { get; init; }

    /// <summary>When the file expires, Unix seconds; null when it is kept until deleted.</summary>
    [JsonPropertyName("expires_at")]
    public long? ExpiresAt { get; init; }

    /// <summary>The purpose label given at upload (xAI does not interpret it).</summary>
    [JsonPropertyName("purpose")]
    public string? Purpose { get; init; }

    /// <summary>The file's public URL, when it has an active one.</summary>
    [JsonPropertyName("public_url")]
    public string? PublicUrl { get; init; }

    /// <summary>When the public URL expires, Unix seconds, when it has an expiry of its own.</summary>
    [JsonPropertyName("public_url_expires_at")]
    public long? PublicUrlExpiresAt { get; init; }

    /// <summary>Gets <see cref="CreatedAt"/> as a date, or null when it is not a usable time (0, negative, past year 9999).</summary>
    [JsonIgnore]
    public DateTimeOffset? Created => Chat.UnixTime.ToDate(CreatedAt);

    /// <summary>Gets <see cref="ExpiresAt"/> as a date, or null (none, or not a usable time).</summary>
    [JsonIgnore]
    public DateTimeOffset? Expires => ExpiresAt is { } seconds ? Chat.UnixTime.ToDate(seconds) : null;

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({FileName}, {Bytes} bytes)";
}
