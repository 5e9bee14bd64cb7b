using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Images;

/// <summary>A request to <c>POST images/edits</c>: change one image, or combine up to three, as a prompt says.</summary>
public sealed record ImageEditRequest : IGrokRequest
{
    /// <summary>The most input images one edit takes (xAI documents 3).</summary>
    public const int MaxInputImages = 3;

    /// <summary>What to change.</summary>
    [JsonPropertyName("prompt")]
    public string Prompt { get; init; } = "";

    /// <summary>The image model, e.g. <c>grok-imagine-image</c>.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>The one image to edit; leave null when <see cref="Images"/> is set.</summary>
    [JsonPropertyName("image")]
    public ImageInput? Image { get; init; }

    /// <summary>Several input images, named <c>&lt;IMAGE_0&gt;</c>, <c>&lt;IMAGE_1&gt;</c>... in the prompt; at most <see cref="MaxInputImages"/>.</summary>
    [JsonPropertyName("images")]
    public IList<ImageInput>? Images { get; init; }

    /// <summary>How many edited images, 1 to 10.</summary>
    [JsonPropertyName("n")]
    public int? N { get; init; }

    /// <summary><c>url</c> (the default) or <c>b64_json</c>.</summary>
    [JsonPropertyName("response_format")]
    public string? ResponseFormat { get; init; }

    /// <summary>The output's aspect ratio, for edits of several images (one image keeps its own).</summary>
    [JsonPropertyName("aspect_ratio")]
    public string? AspectRatio { get; init; }

    /// <summary>The resolution: <c>1k</c> (the default), <c>1.5k</c> or <c>2k</c>.</summary>
    [JsonPropertyName("resolution")]
    public string? Resolution { get; init; }

    /// <summary>The quality: <c>low</c>, <c>medium</c> or <c>auto</c>, on models with quality tiers.</summary>
    [JsonPropertyName("quality")]
    public string? Quality { get; init; }

    /// <summary>Answer at once with a request id and edit in the background (url format only); use <c>StartDeferredImageEditAsync</c>.</summary>
    [JsonPropertyName("deferred")]
    public bool? Deferred { get; init; }

    /// <summary>Also stores the images in the Files API.</summary>
    [JsonPropertyName("storage_options")]
    public Grok.Files.StorageOptions? StorageOptions { get; init; }

    /// <summary>Uploads the images to your signed URLs instead of xAI's storage.</summary>
    [JsonPropertyName("output")]
    public ImageOutput? Output { get; init; }

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
            throw new ArgumentException("ImageEditRequest.Prompt is empty: say what to change.", nameof(Prompt));
        }

        if ((Image is null) == (Images is null or { Count: 0 }))
        {
            throw new ArgumentException("ImageEditRequest needs either Image (one image) or Images (several), not both and not neither.", nameof(Image));
        }

        Image?.Validate("ImageEditRequest.Image");
        if (Images is { } images)
        {
            if (images.Count > MaxInputImages)
            {
                throw new ArgumentException($"ImageEditRequest.Images has {images.Count} images; xAI edits at most {MaxInputImages} at once.", nameof(Images));
            }

            foreach (var image in images)
            {
                ArgumentNullException.ThrowIfNull(image, nameof(Images));
                image.Validate("ImageEditRequest.Images");
            }
        }

        if (N is < 1 or > ImageGenerationRequest.MaxImages)
        {
            throw new ArgumentOutOfRangeException(nameof(N), N, $"ImageEditRequest.N must be between 1 and {ImageGenerationRequest.MaxImages}.");
        }

        if (Deferred == true && ResponseFormat is not (null or "url"))
        {
            throw new ArgumentException("A deferred image edit only supports ResponseFormat \"url\".", nameof(ResponseFormat));
        }
    }
}
