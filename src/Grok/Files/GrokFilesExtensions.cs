using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Grok.Files;

namespace Grok;

/// <summary>Uploads, downloads and paging for the Files API.</summary>
public static class GrokFilesExtensions
{
    /// <summary>The shortest expiry xAI accepts for an upload: 1 hour.</summary>
    public static readonly TimeSpan MinExpiresAfter = TimeSpan.FromHours(1);

    /// <summary>The longest expiry xAI accepts for an upload: 30 days.</summary>
    public static readonly TimeSpan MaxExpiresAfter = TimeSpan.FromDays(30);

    /// <summary>
    /// Uploads a file (<c>POST files</c>, multipart), streaming <paramref name="content"/> from its current position
    /// without buffering it. <c>expires_after</c> goes before <c>file</c>, as xAI requires. Once its body has gone out
    /// an upload is never sent again, whatever the retry settings: a failure surfaces instead.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="content">The bytes to upload, read to the end; not disposed.</param>
    /// <param name="fileName">The name xAI records for the file.</param>
    /// <param name="expiresAfter">When the file is deleted, 1 hour to 30 days from now; null keeps it until you delete it.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The stored file.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expiresAfter"/> is outside 1 hour to 30 days.</exception>
    public static Task<GrokFile> UploadFileAsync(this IGrokClient client, Stream content, string fileName, TimeSpan? expiresAfter = null, CancellationToken cancellationToken = default)
        => client.UploadFileAsync(content, fileName, expiresAfter, contentType: null, purpose: null, cancellationToken);

    /// <summary>Uploads a file with a content type and purpose label; see the other overload.</summary>
    /// <param name="client">The client.</param>
    /// <param name="content">The bytes to upload, read to the end; not disposed.</param>
    /// <param name="fileName">The name xAI records for the file.</param>
    /// <param name="expiresAfter">When the file is deleted, 1 hour to 30 days from now; null keeps it.</param>
    /// <param name="contentType">The file's MIME type; <c>application/octet-stream</c> when null.</param>
    /// <param name="purpose">A purpose label (xAI does not interpret it), or null.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The stored file.</returns>
    public static async Task<GrokFile> UploadFileAsync(
        this IGrokClient client,
        Stream content,
        string fileName,
        TimeSpan? expiresAfter,
        string? contentType,
        string? purpose,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (!content.CanRead)
        {
            throw new ArgumentException("The upload stream cannot be read.", nameof(content));
        }

        if (expiresAfter is { } expiry && (expiry < MinExpiresAfter || expiry > MaxExpiresAfter))
        {
            throw new ArgumentOutOfRangeException(nameof(expiresAfter), expiry, "xAI keeps an uploaded file for 1 hour to 30 days (expires_after 3600 to 2592000 s); pass null to keep it until deleted.");
        }

        // The parts go out in the endpoint's declaration order: xAI streams the file part as it arrives, so the
        // expiry comes first. The file part is read as it is sent and never sent twice.
        var seconds = expiresAfter is { } after ? (long)after.TotalSeconds : (long?)null;
        var file = new Refit.StreamPart(content, fileName, contentType ?? "application/octet-stream");
        return await client.UploadFilePartsAsync(seconds, purpose, file, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uploads a file from disk, streamed; its name is the path's file name. See <see cref="UploadFileAsync(IGrokClient, Stream, string, TimeSpan?, CancellationToken)"/>.</summary>
    /// <param name="client">The client.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="expiresAfter">When the file is deleted, 1 hour to 30 days from now; null keeps it.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The stored file.</returns>
    public static async Task<GrokFile> UploadFileAsync(this IGrokClient client, string path, TimeSpan? expiresAfter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            return await client.UploadFileAsync(stream, Path.GetFileName(path), expiresAfter, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Downloads a file's bytes into <paramref name="destination"/>, streamed.</summary>
    /// <param name="client">The client.</param>
    /// <param name="fileId">The file id.</param>
    /// <param name="destination">Where to write; not disposed.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The number of bytes written.</returns>
    public static async Task<long> DownloadFileAsync(this IGrokClient client, string fileId, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(destination);
        var source = await client.DownloadFileAsync(fileId, cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                total += read;
            }

            return total;
        }
    }

    /// <summary>
    /// Lists every file, page after page, as they are needed (<c>GET files</c> with <c>pagination_token</c>); stops on a
    /// page shorter than <paramref name="pageSize"/>, as xAI documents.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="pageSize">Files per page, 1 to 100.</param>
    /// <param name="order"><c>asc</c> or <c>desc</c> (the default).</param>
    /// <param name="sortBy"><c>created_at</c> (the default), <c>filename</c> or <c>size</c>.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The files.</returns>
    public static async IAsyncEnumerable<GrokFile> ListAllFilesAsync(
        this IGrokClient client,
        int pageSize = 100,
        string? order = null,
        string? sortBy = "created_at",
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 100);
        string? token = null;
        while (true)
        {
            var page = await client.ListFilesAsync(pageSize, order, sortBy, token, null, cancellationToken).ConfigureAwait(false);
            foreach (var file in page.Data)
            {
                yield return file;
            }

            if (page.Data.Count < pageSize || !Paging.HasNext(token, page.PaginationToken))
            {
                yield break;
            }

            token = page.PaginationToken;
        }
    }
}
