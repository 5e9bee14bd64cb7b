using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Grok.Streaming;

/// <summary>An event larger than <see cref="GrokClientOptions.MaxEventSize"/> was being received.</summary>
internal sealed class EventTooLargeException(int limit) : IOException($"an event is larger than GrokClientOptions.MaxEventSize ({limit} bytes)")
{
    public int Limit { get; } = limit;
}

/// <summary>
/// The body of an event stream as the SSE parser reads it: notes when bytes last arrived (any bytes, keep-alive comments
/// included, are life) and stops an event that grows past the size limit before the parser buffers it, so memory stays
/// bounded by a small multiple of the limit whatever the server sends.
/// </summary>
internal sealed class EventBodyStream(Stream inner, int maxEventSize) : Stream
{
    private int _eventBytes;
    private bool _atLineStart = true;
    private bool _afterCarriageReturn;

    /// <summary>
    /// Gets since when a read of the network has been waiting for bytes (<see cref="System.Diagnostics.Stopwatch"/>
    /// ticks), or 0 when none is: the silence the idle timeout measures. Any bytes, keep-alive comments included, end
    /// the wait; the parser reads again only when it has used up what arrived. One clock read per network read, none
    /// per event.
    /// </summary>
    public long WaitingSince => Volatile.Read(ref _waitingSince);

    private long _waitingSince;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Volatile.Write(ref _waitingSince, System.Diagnostics.Stopwatch.GetTimestamp());
        int read;
        try
        {
            read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _waitingSince, 0);
        }

        Observe(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        Volatile.Write(ref _waitingSince, System.Diagnostics.Stopwatch.GetTimestamp());
        int read;
        try
        {
            read = inner.Read(buffer, offset, count);
        }
        finally
        {
            Volatile.Write(ref _waitingSince, 0);
        }

        Observe(buffer.AsSpan(offset, read));
        return read;
    }

    /// <summary>Counts the bytes of the current event (an empty line ends an event; LF, CRLF and CR all end lines).</summary>
    private void Observe(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        // When all of the read fits in the limit together with what the current event already holds, no event in it
        // can be too large: only the part after the read's last event boundary needs counting, not every line of the
        // read (the profile showed that second scan on every chunk of a fast stream).
        if ((long)_eventBytes + bytes.Length <= maxEventSize && LastEventBoundary(bytes) is var boundary and >= 0)
        {
            _eventBytes = 0;
            _atLineStart = true;
            _afterCarriageReturn = bytes[boundary] == (byte)'\r';
            bytes = bytes[(boundary + 1)..];
        }

        while (!bytes.IsEmpty)
        {
            var end = bytes.IndexOfAny((byte)'\r', (byte)'\n');
            var text = end < 0 ? bytes.Length : end;
            if (text > 0)
            {
                _atLineStart = false;
                _afterCarriageReturn = false;
                _eventBytes += text;
                if (_eventBytes > maxEventSize || _eventBytes < 0)
                {
                    throw new EventTooLargeException(maxEventSize);
                }
            }

            if (end < 0)
            {
                return;
            }

            var b = bytes[end];
            bytes = bytes[(end + 1)..];
            if (b == (byte)'\n' && _afterCarriageReturn)
            {
                _afterCarriageReturn = false; // the LF of a CRLF: one line end
                continue;
            }

            _afterCarriageReturn = b == (byte)'\r';
            if (_atLineStart)
            {
                _eventBytes = 0; // an empty line: the event is complete
            }

            _atLineStart = true;
        }
    }

    /// <summary>
    /// The index of the line end that ends the read's last empty line (an event boundary), or -1: two line ends in a row
    /// that are not one CR LF. Looks back from the end, so a read of many events costs about one event's worth.
    /// </summary>
    private static int LastEventBoundary(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.Length;
        while (true)
        {
            var k = bytes[..end].LastIndexOfAny((byte)'\r', (byte)'\n');
            if (k < 1)
            {
                return -1;
            }

            var before = bytes[k - 1];
            if ((before == (byte)'\n' || before == (byte)'\r') && !(before == (byte)'\r' && bytes[k] == (byte)'\n'))
            {
                return k;
            }

            end = k;
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
