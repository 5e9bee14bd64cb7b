using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grok.Images;

namespace Grok.Videos;

/// <summary>A request to <c>POST videos/generations</c>: a video from a prompt, optionally from a first-frame image.</summary>
public sealed record VideoGenerationRequest : IGrokRequest
{
    /// <summary>The longest video, in seconds.</summary>
    public const int MaxDuration = 15;

    /// <summary>What happens in the video (optional when <see cref="Image"/> is set).</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    /// <summary>The video model, e.g. <c>grok-imagine-video</c>.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>The length in seconds, 1 to 15 (default 8).</summary>
    [JsonPropertyName("duration")]
    public int? Duration { get; init; }

    /// <summary><c>1:1</c>, <c>16:9</c>, <c>9:16</c>, <c>4:3</c>, <c>3:4</c>, <c>3:2</c> or <c>2:3</c>; ignored with a first-frame image.</summary>
    [JsonPropertyName("aspect_ratio")]
    public string? AspectRatio { get; init; }

    /// <summary><c>480p</c>, <c>720p</c> or <c>1080p</c>.</summary>
    [JsonPropertyName("resolution")]
    public string? Resolution { get; init; }

    /// <summary>The first frame, for image-to-video.</summary>
    [JsonPropertyName("image")]
    public ImageInput? Image { get; init; }

    /// <summary>Style or content references, for reference-to-video.</summary>
    [JsonPropertyName("reference_images")]
    public IList<ImageInput>? ReferenceImages { get; init; }

    /// <summary>Also stores the video in the Files API.</summary>
    [JsonPropertyName("storage_options")]
    public Grok.Files.StorageOptions? StorageOptions { get; init; }

    /// <summary>Uploads the video to your signed URL.</summary>
    [JsonPropertyName("output")]
    public VideoOutput? Output { get; init; }

    /// <summary>An end-user id.</summary>
    [JsonPropertyName("user")]
    public string? User { get; init; }

    /// <summary>Gets members this version does not model (keyframes, reference audios...), kept and sent again.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    IGrokRequest IGrokRequest.WithDefaultModel(string model) => this;

    /// <inheritdoc />
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Prompt) && Image is null)
        {
            throw new ArgumentException("VideoGenerationRequest needs a Prompt, or an Image to animate.", nameof(Prompt));
        }

        Image?.Validate("VideoGenerationRequest.Image");
        if (Duration is < 1 or > MaxDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(Duration), Duration, $"VideoGenerationRequest.Duration must be between 1 and {MaxDuration} seconds.");
        }
    }
}
