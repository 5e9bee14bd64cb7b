using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Grok.Images;

namespace Grok;

/// <summary>Waiting for deferred images and saving generated ones.</summary>
public static class GrokImagesExtensions
{
    /// <summary>The first wait between polls of a deferred image request.</summary>
    public static readonly TimeSpan DefaultImagePollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The default longest wait for a deferred image request.</summary>
    public static readonly TimeSpan DefaultImageTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Polls a deferred image request until it is done or failed (see <see cref="DeferredImageResult.Status"/>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="requestId">The id from a deferred start.</param>
    /// <param name="pollInterval">The first wait between polls, at least 100 ms; 1 second when null.</param>
    /// <param name="timeout">The longest wait; 5 minutes when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The result; check <see cref="DeferredImageResult.IsDone"/> and <see cref="DeferredImageResult.Error"/>.</returns>
    /// <exception cref="TimeoutException">Still pending after <paramref name="timeout"/>.</exception>
    public static Task<DeferredImageResult> WaitForDeferredImagesAsync(
        this IGrokClient client,
        string requestId,
        TimeSpan? pollInterval = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        return Polling.UntilAsync(
            token => client.GetDeferredImagesAsync(requestId, token),
            pollInterval,
            timeout,
            new PollSchedule(DefaultImagePollInterval, DefaultImageTimeout, TimeSpan.FromSeconds(10), 1.5),
            elapsed => $"The image request {requestId} was still pending after {elapsed.TotalSeconds:0.#} s; poll it again later with GetDeferredImagesAsync.",
            cancellationToken);
    }

    /// <summary>
    /// Writes an image returned as <c>b64_json</c> to a file, decoding as it goes (no copy of the whole text).
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="path">The file to create or overwrite.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="InvalidOperationException">The image has no <see cref="GeneratedImage.B64Json"/> (ask for <c>response_format: "b64_json"</c>).</exception>
    /// <exception cref="FormatException">The text is not base64.</exception>
    public static async Task<long> SaveAsync(this GeneratedImage image, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (string.IsNullOrEmpty(image.B64Json))
        {
            throw new InvalidOperationException(
                "The image has no b64_json data: ask for ResponseFormat = \"b64_json\", or download its Url" + (image.Url is null ? "." : " (" + image.Url + ")."));
        }

        var text = image.B64Json;
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.Asynchronous);
        await using (file.ConfigureAwait(false))
        {
            // 4 base64 characters are 3 bytes: decode in slices of whole quadruples.
            const int Slice = 64 * 1024;
            var buffer = new byte[Slice / 4 * 3];
            long written = 0;
            for (var start = 0; start < text.Length; start += Slice)
            {
                var length = Math.Min(Slice, text.Length - start);
                if (!Convert.TryFromBase64Chars(text.AsSpan(start, length), buffer, out var bytes))
                {
                    throw new FormatException("The image's b64_json is not valid base64.");
                }

                await file.WriteAsync(buffer.AsMemory(0, bytes), cancellationToken).ConfigureAwait(false);
                written += bytes;
            }

            return written;
        }
    }

    /// <summary>Decodes an image returned as <c>b64_json</c>.</summary>
    /// <param name="image">The image.</param>
    /// <returns>The image bytes.</returns>
    /// <exception cref="InvalidOperationException">The image has no <see cref="GeneratedImage.B64Json"/>.</exception>
    public static byte[] GetBytes(this GeneratedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.B64Json is { Length: > 0 } text
            ? Convert.FromBase64String(text)
            : throw new InvalidOperationException("The image has no b64_json data: ask for ResponseFormat = \"b64_json\".");
    }
}
