using System.ComponentModel;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Grok.Images;
using Refit;

namespace Grok;

/// <summary>Image edits and deferred image requests.</summary>
public partial interface IGrokClient
{
    /// <summary>Edits one image, or combines up to three, as the prompt says (<c>POST images/edits</c>).</summary>
    /// <param name="request">The prompt and the input image(s), by URL or file id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The edited images and what they cost.</returns>
    [GrokEndpoint("POST", "images/edits")]
    Task<ImageGenerationResponse> EditImageAsync(ImageEditRequest request, CancellationToken cancellationToken = default);

    /// <summary>Starts an image generation in the background (<c>"deferred": true</c>); poll <see cref="GetDeferredImagesAsync"/>.</summary>
    /// <param name="request">The request (url format only); <c>deferred</c> is set for you, the caller's object is not changed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request id.</returns>
    Task<DeferredImage> StartDeferredImageGenerationAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default)
        => SendDeferredImageGenerationAsync(request with { Deferred = true }, cancellationToken);

    /// <summary>Starts an image edit in the background (<c>"deferred": true</c>); poll <see cref="GetDeferredImagesAsync"/>.</summary>
    /// <param name="request">The request (url format only); <c>deferred</c> is set for you, the caller's object is not changed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request id.</returns>
    Task<DeferredImage> StartDeferredImageEditAsync(ImageEditRequest request, CancellationToken cancellationToken = default)
        => SendDeferredImageEditAsync(request with { Deferred = true }, cancellationToken);

    /// <summary>
    /// Fetches a deferred image request: null while xAI still works on it (202), else the images or, with status
    /// <c>failed</c>, the error (a failure is a 200 body, not an exception).
    /// </summary>
    /// <param name="requestId">The id from a deferred start.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result, or null while pending.</returns>
    /// <exception cref="GrokApiException">The id is unknown or its result expired (404).</exception>
    async Task<DeferredImageResult?> GetDeferredImagesAsync(string requestId, CancellationToken cancellationToken = default)
    {
        using var response = await GetDeferredImagesResponseAsync(requestId, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            return null;
        }

        if (response.Error is { } error)
        {
            throw error;
        }

        return response.Content is { Status: "pending" } ? null : response.Content;
    }

    /// <summary>Sends an image generation that carries <c>"deferred": true</c>; use <see cref="StartDeferredImageGenerationAsync"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request id.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [GrokEndpoint("POST", "images/generations")]
    Task<DeferredImage> SendDeferredImageGenerationAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sends an image edit that carries <c>"deferred": true</c>; use <see cref="StartDeferredImageEditAsync"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request id.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [GrokEndpoint("POST", "images/edits")]
    Task<DeferredImage> SendDeferredImageEditAsync(ImageEditRequest request, CancellationToken cancellationToken = default);

    /// <summary>Fetches a deferred image request as a raw Refit response; use <see cref="GetDeferredImagesAsync"/>.</summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response: 200 with the result, or 202 while pending.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [GrokEndpoint("GET", "images/{request_id}")]
    Task<ApiResponse<DeferredImageResult>> GetDeferredImagesResponseAsync([AliasAs("request_id")] string requestId, CancellationToken cancellationToken = default);
}
