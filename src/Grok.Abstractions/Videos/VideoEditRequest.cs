using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Videos;

/// <summary>A request to <c>POST videos/edits</c>: change a video as a prompt says.</summary>
public sealed record VideoEditRequest : IGrokRequest
{
    /// <summary>What to change.</summary>
    [JsonPropertyName("prompt")]
    public string Prompt { get; init; } = "";

    /// <summary>The video to edit.</summary>
    [JsonPropertyName("video")]
    public VideoInput Video { get; init; } = new();

    /// <summary>The video model, e.g. <c>grok-imagine-video</c>.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Also stores the video in the Files API.</summary>
    [JsonPropertyName("storage_options")]
    public Grok.Files.StorageOptions? StorageOptions { get; init; }

    /// <summary>Uploads the video to your signed URL.</summary>
    [JsonPropertyName("output")]
    public VideoOutput? Output { get; init; }

    /// <summary>An end-user id.</summary>
    [JsonPropertyName("user")]
    public string? User { get; init; }

    /// <summary>Gets members this version does not model, kept and sent again so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    IGrokRequest IGrokRequest.WithDefaultModel(string model) => this;

    /// <inheritdoc />
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Prompt))
        {
            throw new ArgumentException("VideoEditRequest.Prompt is empty: say what to change.", nameof(Prompt));
        }

        ArgumentNullException.ThrowIfNull(Video, nameof(Video));
        Video.Validate("VideoEditRequest.Video");
    }
}
