using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Grok;

/// <summary>
/// A file part read from a stream as it goes out, never buffered; it cannot be sent twice, so a retry never uploads
/// a file again (the retry policy treats it as not replayable).
/// </summary>
internal sealed class SendOnceStreamContent : HttpContent
{
    private const int BufferSize = 81920;
    private readonly Stream _source;
    private readonly string _description;
    private readonly bool _ownsSource;
    private int _sent;

    public SendOnceStreamContent(Stream source, string description, bool ownsSource = false)
    {
        _source = source;
        _description = description;
        _ownsSource = ownsSource;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _sent, 1) != 0)
        {
            throw new InvalidOperationException(
                $"The upload of {_description} was already sent once and is not sent again: the server may have stored it.");
        }

        var buffer = new byte[BufferSize];
        int read;
        while ((read = await _source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
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

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsSource)
        {
            _source.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override Task<Stream> CreateContentReadStreamAsync()
        => throw new NotSupportedException("An upload body is written to the network, not read back.");
}
