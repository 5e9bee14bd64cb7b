using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grok.Chat;
using Grok.Images;
using Grok.Videos;

namespace Grok.Batches;

/// <summary>
/// One request of a batch: a chat completion, a Responses API request, an image generation or edit, or a video.
/// Create it with <see cref="Chat"/>, <c>Responses</c>, <see cref="ImageGeneration"/>, <see cref="ImageEdit"/>,
/// <see cref="VideoGeneration"/> or <see cref="VideoExtension"/>. One JSONL line of a batch input file has this shape too.
/// </summary>
public sealed record BatchRequest
{
    /// <summary>Your id of the request, unique within the batch (results come back in any order); xAI makes one when null.</summary>
    [JsonPropertyName("batch_request_id")]
    public string? BatchRequestId { get; init; }

    /// <summary>The request itself, under the name of its kind.</summary>
    [JsonPropertyName("batch_request")]
    public BatchRequestBody Body { get; init; } = new();

    /// <summary>Gets members this version does not model, kept and sent again so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A chat completion request (<c>chat_get_completion</c>); its results are <see cref="ChatCompletion"/>s.</summary>
    /// <param name="request">The request; a missing model is filled with the client's default model when added.</param>
    /// <param name="batchRequestId">Your id of the request, or null.</param>
    /// <returns>The batch request.</returns>
    public static BatchRequest Chat(ChatCompletionRequest request, string? batchRequestId = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new BatchRequest { BatchRequestId = batchRequestId, Body = new BatchRequestBody { ChatGetCompletion = request } };
    }

    /// <summary>A Responses API request (<c>responses</c>), as JSON in the shape of a <c>POST responses</c> body.</summary>
    /// <param name="request">The request body.</param>
    /// <param name="batchRequestId">Your id of the request, or null.</param>
    /// <returns>The batch request.</returns>
    public static BatchRequest Responses(JsonElement request, string? batchRequestId = null)
    {
        if (request.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("A Responses API request is a JSON object, such as {\"model\":\"grok-4.3\",\"input\":\"Hi\"}.", nameof(request));
        }

        return new BatchRequest { BatchRequestId = batchRequestId, Body = new BatchRequestBody { Responses = request } };
    }

    /// <summary>A Responses API request (<c>responses</c>); its results are read with <see cref="BatchResult.Response"/>.</summary>
    /// <param name="request">The request; a missing model is filled with the client's default model when added.</param>
    /// <param name="batchRequestId">Your id of the request, or null.</param>
    /// <returns>The batch request.</returns>
    public static BatchRequest Responses(Grok.Responses.ResponseRequest request, string? batchRequestId = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Responses(JsonSerializer.SerializeToElement(request, GrokJsonContext.Default.ResponseRequest), batchRequestId);
    }

    /// <summary>An image generation request (<c>image_generation</c>).</summary>
    /// <param name="request">The request.</param>
    /// <param name="batchRequestId">Your id of the request, or null.</param>
    /// <returns>The batch request.</returns>
    public static BatchRequest ImageGeneration(ImageGenerationRequest request, string? batchRequestId = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new BatchRequest { BatchRequestId = batchRequestId, Body = new BatchRequestBody { ImageGeneration = request } };
    }

    /// <summary>An image edit request (<c>image_edit</c>).</summary>
    /// <param name="request">The request.</param>
    /// <param name="batchRequestId">Your id of the request, or null.</param>
    /// <returns>The batch request.</returns>
    public static BatchRequest ImageEdit(ImageEditRequest request, string? batchRequestId = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new BatchRequest { BatchRequestId = batchRequestId, Body = new BatchRequestBody { ImageEdit = request } };
    }

    /// <summary>A video generation request (<c>video_generation</c>).</summary>
    /// <param name="request">The request.</param>
    /// <param name="batchRequestId">Your id of the request, or null.</param>
    /// <returns>The batch request.</returns>
    public static BatchRequest VideoGeneration(VideoGenerationRequest request, string? batchRequestId = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new BatchRequest { BatchRequestId = batchRequestId, Body = new BatchRequestBody { VideoGeneration = request } };
    }

    /// <summary>A video extension request (<c>video_extension</c>).</summary>
    /// <param name="request">The request.</param>
    /// <param name="batchRequestId">Your id of the request, or null.</param>
    /// <returns>The batch request.</returns>
    public static BatchRequest VideoExtension(VideoExtensionRequest request, string? batchRequestId = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new BatchRequest { BatchRequestId = batchRequestId, Body = new BatchRequestBody { VideoExtension = request } };
    }
}
