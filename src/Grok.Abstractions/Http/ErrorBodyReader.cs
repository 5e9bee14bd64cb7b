using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Grok.Http;

/// <summary>Reads an error answer's body up to a cap, so a hostile or broken server cannot make the client buffer without end.</summary>
internal static class ErrorBodyReader
{
    /// <summary>The most bytes of an error body kept: 64 KiB, far more than any xAI error.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>
    /// Reads up to <see cref="MaxBytes"/> of <paramref name="response"/>'s body and replaces its content with what was read,
    /// so later readers (the retry rule, <see cref="GrokApiException"/>) see the same bytes. Transport failures, corrupt
    /// encodings and a fired <paramref name="cancellationToken"/> (the attempt's deadline) are recorded, not thrown; the caller's cancellation (<paramref name="callerToken"/>) is thrown.
    /// </summary>
    public static async Task<BufferedErrorContent> BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken, CancellationToken callerToken)
    {
        if (response.Content is BufferedErrorContent already)
        {
            return already;
        }

        var original = response.Content;
        var buffered = await ReadAsync(original, cancellationToken, callerToken).ConfigureAwait(false);
        foreach (var header in original.Headers.NonValidated)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(header.Key, "Content-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        response.Content = buffered;
        original.Dispose();
        return buffered;
    }

    /// <summary>Reads up to <see cref="MaxBytes"/> of a body (see <see cref="BufferAsync"/>).</summary>
    public static async Task<BufferedErrorContent> ReadAsync(HttpContent content, CancellationToken cancellationToken, CancellationToken callerToken)
    {
        var buffer = new byte[(int)Math.Clamp(content.Headers.ContentLength ?? 4096, 256, MaxBytes)];
        var length = 0;
        string? error = null;
        var truncated = false;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (length < MaxBytes)
                {
                    if (length == buffer.Length)
                    {
                        Array.Resize(ref buffer, Math.Min(MaxBytes, buffer.Length * 2));
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }

                if (length == MaxBytes)
                {
                    var probe = new byte[1];
                    truncated = await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) > 0;
                }
            }
        }
        catch (OperationCanceledException) when (callerToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            error = "the body did not arrive within GrokClientOptions.Timeout";
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or InvalidDataException or InvalidOperationException or ObjectDisposedException)
        {
            // A dropped connection, a corrupt gzip/deflate/brotli body, or a body already read.
            error = $"the body could not be read ({ex.GetType().Name}: {ex.Message})";
        }

        return new BufferedErrorContent(buffer.AsMemory(0, length), truncated, error);
    }
}
