using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Grok.Files;

/// <summary>
/// The file part of an upload: copies from the caller's stream to the network as it is read (never buffered), and
/// refuses to be sent a second time, so a retry can never upload, and store, a file twice.
/// </summary>
internal sealed class UploadStreamContent : HttpContent
{
    private const int BufferSize = 81920;
    private readonly Stream _source;
    private readonly string _fileName;
    private int _sent;

    public UploadStreamContent(Stream source, string fileName)
    {
        _source = source;
        _fileName = fileName;
    }

    /// <summary>Gets the bytes copied so far.</summary>
    public long BytesSent { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _sent, 1) != 0)
        {
            throw new InvalidOperationException(
                $"The upload of '{_fileName}' was already sent once and is not sent again: the server may have stored it. Check ListFilesAsync, then upload again if it is not there.");
        }

        var buffer = new byte[BufferSize];
        int read;
        while ((read = await _source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            BytesSent += read;
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        if (_source.CanSeek)
        {
            length = _source.Length - _source.Position;
            return true;
        }

        length = 0;
        return false;
    }

    protected override Task<Stream> CreateContentReadStreamAsync()
        => throw new NotSupportedException("An upload body is written to the network, not read back.");
}
