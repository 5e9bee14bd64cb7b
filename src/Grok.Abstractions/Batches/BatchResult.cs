using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Grok.Chat;
using Grok.Images;
using Grok.Videos;

namespace Grok.Batches;

/// <summary>
/// The outcome of one request of a batch (<c>GET batches/{batch_id}/results</c>): <see cref="Error"/>, or the response
/// read into the same models the direct calls return (<see cref="ChatCompletion"/>, <see cref="ImageGeneration"/>,
/// <see cref="VideoGeneration"/>; Responses API answers as JSON in <see cref="Responses"/>).
/// </summary>
public sealed class BatchResult
{
    /// <summary>The request's id within the batch.</summary>
    [JsonPropertyName("batch_request_id")]
    public string BatchRequestId { get; init; } = "";

    /// <summary>The result as sent.</summary>
    [JsonPropertyName("batch_result")]
    public BatchResultBody Result { get; init; } = new();

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Gets why the request failed, or null.</summary>
    [JsonIgnore]
    public string? Error => Result.Error;

    /// <summary>Gets whether the request succeeded (it has a response and no error).</summary>
    [JsonIgnore]
    public bool IsSuccess => Result.Error is null && Result.Response is { ValueKind: JsonValueKind.Object };

    /// <summary>Gets the chat completion, for a <see cref="BatchRequest.Chat"/> request.</summary>
    [JsonIgnore]
    public ChatCompletion? ChatCompletion => Read("chat_get_completion", GrokJsonContext.Default.ChatCompletion);

    /// <summary>Gets the images, for an image generation or edit request.</summary>
    [JsonIgnore]
    public ImageGenerationResponse? ImageGeneration => Read("image_generation", GrokJsonContext.Default.ImageGenerationResponse);

    /// <summary>Gets the video, for a video generation or extension request.</summary>
    [JsonIgnore]
    public VideoResult? VideoGeneration => Read("video_generation", GrokJsonContext.Default.VideoResult);

    /// <summary>Gets the Responses API answer, for a <c>BatchRequest.Responses</c> request.</summary>
    [JsonIgnore]
    public Grok.Responses.GrokResponse? Response => Read("responses", GrokJsonContext.Default.GrokResponse);

    /// <summary>Gets the Responses API answer as JSON, for a <c>BatchRequest.Responses</c> request.</summary>
    [JsonIgnore]
    public JsonElement? Responses
        => Result.Response is { ValueKind: JsonValueKind.Object } response && response.TryGetProperty("responses", out var value) ? value : null;

    private T? Read<T>(string kind, JsonTypeInfo<T> typeInfo)
        where T : class
        => Result.Response is { ValueKind: JsonValueKind.Object } response
            && response.TryGetProperty(kind, out var value)
            && value.ValueKind == JsonValueKind.Object
                ? value.Deserialize(typeInfo)
                : null;
}
