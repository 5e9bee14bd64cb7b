using System.ComponentModel;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Grok.Videos;
using Refit;

namespace Grok;

/// <summary>Video generation, editing and extension: started at once, fetched when ready.</summary>
public partial interface IGrokClient
{
    /// <summary>Starts a video generation (<c>POST videos/generations</c>); poll <see cref="GetVideoAsync"/> or wait with <c>WaitForVideoAsync</c>.</summary>
    /// <param name="request">The prompt and, for image-to-video, the first frame.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request id.</returns>
    [GrokEndpoint("POST", "videos/generations")]
    Task<DeferredVideo> GenerateVideoAsync(VideoGenerationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Starts a video edit (<c>POST videos/edits</c>); poll <see cref="GetVideoAsync"/>.</summary>
    /// <param name="request">The prompt and the video.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request id.</returns>
    [GrokEndpoint("POST", "videos/edits")]
    Task<DeferredVideo> EditVideoAsync(VideoEditRequest request, CancellationToken cancellationToken = default);

    /// <summary>Starts a video extension (<c>POST videos/extensions</c>); poll <see cref="GetVideoAsync"/>.</summary>
    /// <param name="request">The prompt and the video to continue.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request id.</returns>
    [GrokEndpoint("POST", "videos/extensions")]
    Task<DeferredVideo> ExtendVideoAsync(VideoExtensionRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Fetches a video request: null while it is in progress (202), else the video or, with status <c>failed</c>, the
    /// error (a failure is a 200 body, not an exception).
    /// </summary>
    /// <param name="requestId">The id from <see cref="GenerateVideoAsync"/>, <see cref="EditVideoAsync"/> or <see cref="ExtendVideoAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result, or null while pending.</returns>
    /// <exception cref="GrokApiException">The id is unknown (404).</exception>
    async Task<VideoResult?> GetVideoAsync(string requestId, CancellationToken cancellationToken = default)
    {
        using var response = await GetVideoResponseAsync(requestId, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Fetches a video request as a raw Refit response; use <see cref="GetVideoAsync"/>.</summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response: 200 with the result, or 202 while pending.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [GrokEndpoint("GET", "videos/{request_id}")]
    Task<ApiResponse<VideoResult>> GetVideoResponseAsync([AliasAs("request_id")] string requestId, CancellationToken cancellationToken = default);
}
