using System;
using System.Threading;
using System.Threading.Tasks;
using Grok.Videos;

namespace Grok;

/// <summary>Waiting for videos.</summary>
public static class GrokVideosExtensions
{
    /// <summary>The first wait between polls of a video request.</summary>
    public static readonly TimeSpan DefaultVideoPollInterval = TimeSpan.FromSeconds(5);

    /// <summary>The default longest wait for a video.</summary>
    public static readonly TimeSpan DefaultVideoTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Polls a video request until it is done or failed (see <see cref="VideoResult.Status"/>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="requestId">The id from <c>GenerateVideoAsync</c>, <c>EditVideoAsync</c> or <c>ExtendVideoAsync</c>.</param>
    /// <param name="pollInterval">The first wait between polls, at least 100 ms; 5 seconds when null.</param>
    /// <param name="timeout">The longest wait; 10 minutes when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The result; check <see cref="VideoResult.IsDone"/> and <see cref="VideoResult.Error"/>.</returns>
    /// <exception cref="TimeoutException">Still in progress after <paramref name="timeout"/>; the video keeps being made.</exception>
    public static Task<VideoResult> WaitForVideoAsync(
        this IGrokClient client,
        string requestId,
        TimeSpan? pollInterval = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        return Polling.UntilAsync(
            token => client.GetVideoAsync(requestId, token),
            pollInterval,
            timeout,
            new PollSchedule(DefaultVideoPollInterval, DefaultVideoTimeout, TimeSpan.FromSeconds(30), 1.5),
            elapsed => $"The video {requestId} was still in progress after {elapsed.TotalSeconds:0.#} s; poll it again later with GetVideoAsync.",
            cancellationToken);
    }

    /// <summary>Starts a video generation and waits for it; see <see cref="WaitForVideoAsync"/>.</summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The request.</param>
    /// <param name="pollInterval">The first wait between polls; 5 seconds when null.</param>
    /// <param name="timeout">The longest wait; 10 minutes when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The result.</returns>
    public static async Task<VideoResult> GenerateVideoAndWaitAsync(
        this IGrokClient client,
        VideoGenerationRequest request,
        TimeSpan? pollInterval = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var started = await client.GenerateVideoAsync(request, cancellationToken).ConfigureAwait(false);
        return await client.WaitForVideoAsync(started.RequestId, pollInterval, timeout, cancellationToken).ConfigureAwait(false);
    }
}
