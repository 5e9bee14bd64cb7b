using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Images;

/// <summary>A request to <c>POST images/generations</c>.</summary>
public sealed record ImageGenerationRequest : IGrokRequest
{
    /// <summary>The most images one request may ask for.</summary>
    public const int MaxImages = 10;

    /// <summary>What to draw.</summary>
    [JsonPropertyName("prompt")]
    public string Prompt { get; init; } = "";

    /// <summary>The image model, e.g. <c>grok-imagine-image</c>.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>How many images, 1 to 10.</summary>
    [JsonPropertyName("n")]
    public int? N { get; init; }

    /// <summary><c>url</c> or <c>b64_json</c>.</summary>
    [JsonPropertyName("response_format")]
    public string? ResponseFormat { get; init; }

    /// <summary>An end-user id.</summary>
    [JsonPropertyName("user")]
    public string? User { get; init; }

    /// <summary>The aspect ratio, e.g. <c>1:1</c>, <c>16:9</c>, <c>9:19.5</c> or <c>auto</c> (the default); see <see cref="ImageAspectRatios"/>.</summary>
    [JsonPropertyName("aspect_ratio")]
    public string? AspectRatio { get; init; }

    /// <summary>The resolution: <c>1k</c> (the default), <c>1.5k</c> or <c>2k</c>.</summary>
    [JsonPropertyName("resolution")]
    public string? Resolution { get; init; }

    /// <summary>The quality: <c>low</c>, <c>medium</c> or <c>auto</c> (models with quality tiers; see their <c>pricing</c>).</summary>
    [JsonPropertyName("quality")]
    public string? Quality { get; init; }

    /// <summary>
    /// Answer at once with a request id and generate in the background; poll <c>GetDeferredImagesAsync</c>. Only
    /// <c>response_format</c> <c>url</c> works this way. Use <c>StartDeferredImageGenerationAsync</c>, which sets it.
    /// </summary>
    [JsonPropertyName("deferred")]
    public bool? Deferred { get; init; }

    /// <summary>Also stores the images in the Files API.</summary>
    [JsonPropertyName("storage_options")]
    public Grok.Files.StorageOptions? StorageOptions { get; init; }

    /// <summary>Uploads the images to your signed URLs instead of xAI's storage.</summary>
    [JsonPropertyName("output")]
    public ImageOutput? Output { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    IGrokRequest IGrokRequest.WithDefaultModel(string model) => this;

    /// <inheritdoc />
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Prompt))
        {
            throw new ArgumentException("ImageGenerationRequest.Prompt is empty: say what to draw.", nameof(Prompt));
        }

        if (N is < 1 or > MaxImages)
        {
            throw new ArgumentOutOfRangeException(nameof(N), N, $"ImageGenerationRequest.N must be between 1 and {MaxImages}.");
        }

        if (Deferred == true && ResponseFormat is not (null or "url"))
        {
            throw new ArgumentException("A deferred image request only supports ResponseFormat \"url\".", nameof(ResponseFormat));
        }
    }
}
