using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>An image xAI generated (<c>image_generation_call</c>).</summary>
public sealed class ImageGenerationCallItem : ServerToolCallItem
{
    /// <summary>Initializes a new instance of the <see cref="ImageGenerationCallItem"/> class.</summary>
    public ImageGenerationCallItem() => Type = "image_generation_call";

    /// <summary>Gets the image as bare base64 (no <c>data:</c> prefix); null while generating or after a failure.</summary>
    [JsonPropertyName("result")]
    public string? Result { get; init; }

    /// <summary>Gets the prompt the image was generated from.</summary>
    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }
}
