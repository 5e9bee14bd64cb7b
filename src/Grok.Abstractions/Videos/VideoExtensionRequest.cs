using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Videos;

/// <summary>A request to <c>POST videos/extensions</c>: continue a 2-15 s video with what a prompt says happens next.</summary>
public sealed record VideoExtensionRequest : IGrokRequest
{
    /// <summary>The shortest extension, in seconds.</summary>
    public const int MinDuration = 2;

    /// <summary>The longest extension, in seconds.</summary>
    public const int MaxDuration = 10;

    /// <summary>What happens next.</summary>
    [JsonPropertyName("prompt")]
    public string Prompt { get; init; } = "";

    /// <summary>The video to extend (2 to 15 seconds long).</summary>
    [JsonPropertyName("video")]
    public VideoInput Video { get; init; } = new();

    /// <summary>The video model, e.g. <c>grok-imagine-video</c>.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>The extension's length in seconds, 2 to 10 (default 6).</summary>
    [JsonPropertyName("duration")]
    public int? Duration { get; init; }

    /// <summary>Also stores the video in the Files API.</summary>
    [JsonPropertyName("storage_options")]
    public Grok.Files.StorageOptions? StorageOptions { get; init; }

    /// <summary>Uploads the video to your signed URL.</summary>
    [JsonPropertyName("output")]
    public VideoOutput? Output { get; init; }

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
            throw new ArgumentException("VideoExtensionRequest.Prompt is empty: say what happens next.", nameof(Prompt));
        }

        ArgumentNullException.ThrowIfNull(Video, nameof(Video));
        Video.Validate("VideoExtensionRequest.Video");
        if (Duration is < MinDuration or > MaxDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(Duration), Duration, $"VideoExtensionRequest.Duration must be between {MinDuration} and {MaxDuration} seconds.");
        }
    }
}
