using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Images;

/// <summary>A request to <c>POST images/generations</c>.</summary>
public sealed record ImageGenerationRequest : IGrokRequest
{
    /// <summary>What to draw.</summary>
    [JsonPropertyName("prompt")]
    public string Prompt { get; init; } = "";

    /// <summary>The image model; e.g. <c>grok-2-image</c>.</summary>
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

        if (N is < 1 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(N), N, "ImageGenerationRequest.N must be between 1 and 10.");
        }
    }
}
