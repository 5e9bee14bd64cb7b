using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grok.Images;

namespace Grok.Videos;

/// <summary>A finished video request (<c>GET videos/{request_id}</c> with 200): the video, or why it failed.</summary>
public sealed class VideoResult
{
    /// <summary><c>done</c> or <c>failed</c> (also <c>expired</c>); <c>pending</c> never reaches you: the client returns null then.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";

    /// <summary>The video, when done.</summary>
    [JsonPropertyName("video")]
    public GeneratedVideo? Video { get; init; }

    /// <summary>The model that made it.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Approximate completion, 0-100.</summary>
    [JsonPropertyName("progress")]
    public int? Progress { get; init; }

    /// <summary>What the request cost.</summary>
    [JsonPropertyName("usage")]
    public MediaUsage? Usage { get; init; }

    /// <summary>Why the generation failed, when it did (still HTTP 200).</summary>
    [JsonPropertyName("error")]
    public MediaError? Error { get; init; }

    /// <summary>Gets whether the video is ready.</summary>
    [JsonIgnore]
    public bool IsDone => Status == "done";

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
