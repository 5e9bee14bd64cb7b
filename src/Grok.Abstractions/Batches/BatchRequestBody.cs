using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grok.Chat;
using Grok.Images;
using Grok.Videos;

namespace Grok.Batches;

/// <summary>The <c>batch_request</c> of a <see cref="BatchRequest"/>: exactly one member is set, named after the request's kind.</summary>
public sealed record BatchRequestBody
{
    /// <summary>A chat completion request.</summary>
    [JsonPropertyName("chat_get_completion")]
    public ChatCompletionRequest? ChatGetCompletion { get; init; }

    /// <summary>A Responses API request, as the JSON of a <c>POST responses</c> body.</summary>
    [JsonPropertyName("responses")]
    public JsonElement? Responses { get; init; }

    /// <summary>An image generation request.</summary>
    [JsonPropertyName("image_generation")]
    public ImageGenerationRequest? ImageGeneration { get; init; }

    /// <summary>An image edit request.</summary>
    [JsonPropertyName("image_edit")]
    public ImageEditRequest? ImageEdit { get; init; }

    /// <summary>A video generation request.</summary>
    [JsonPropertyName("video_generation")]
    public VideoGenerationRequest? VideoGeneration { get; init; }

    /// <summary>A video extension request.</summary>
    [JsonPropertyName("video_extension")]
    public VideoExtensionRequest? VideoExtension { get; init; }

    /// <summary>Gets kinds this version does not model, kept and sent again so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    internal int KindCount
        => (ChatGetCompletion is null ? 0 : 1) + (Responses is null ? 0 : 1) + (ImageGeneration is null ? 0 : 1)
            + (ImageEdit is null ? 0 : 1) + (VideoGeneration is null ? 0 : 1) + (VideoExtension is null ? 0 : 1)
            + (AdditionalProperties?.Count ?? 0);
}
