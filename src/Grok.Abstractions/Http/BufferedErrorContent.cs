using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Grok.Http;

/// <summary>
/// The first bytes of an error answer's body, read once under the attempt's timeout, with what was left out:
/// whether the body was longer than the cap, and why it could not be read to its end.
/// </summary>
internal sealed class BufferedErrorContent : HttpContent
{
    public BufferedErrorContent(ReadOnlyMemory<byte> bytes, bool truncated, string? readError)
    {
        Bytes = bytes;
        Truncated = truncated;
        ReadError = readError;
    }

    /// <summary>Gets the bytes kept (at most <see cref="ErrorBodyReader.MaxBytes"/>).</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>Gets whether the body went on past the bytes kept.</summary>
    public bool Truncated { get; }

    /// <summary>Gets why the body could not be read to its end (a broken connection, a timeout, a corrupt encoding), or null.</summary>
    public string? ReadError { get; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => stream.WriteAsync(Bytes).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => stream.WriteAsync(Bytes, cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = Bytes.Length;
        return true;
    }

    protected override Task<Stream> CreateContentReadStreamAsync()
        => Task.FromResult<Stream>(new MemoryStream(Bytes.ToArray(), writable: false));
}
