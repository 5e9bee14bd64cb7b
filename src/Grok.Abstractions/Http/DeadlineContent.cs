using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Grok.Http;

/// <summary>
/// A 2xx body whose reading is bounded by what is left of the attempt's <see cref="GrokClientOptions.Timeout"/>: a server
/// that sends its headers and then stalls cannot hang the call. Past the deadline a read throws
/// <see cref="TimeoutException"/>; the reader's own token still cancels as <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class DeadlineContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly CancellationTokenSource _deadline;
    private readonly TimeSpan _timeout;
    private readonly HttpRequestMessage _request;
    private readonly HttpResponseMessage _response;

    /// <summary>Wraps a 2xx body; the request and response are only read (for the message) if the deadline passes.</summary>
    public DeadlineContent(HttpContent inner, CancellationTokenSource deadline, TimeSpan timeout, HttpRequestMessage request, HttpResponseMessage response)
    {
        _inner = inner;
        _deadline = deadline;
        _timeout = timeout;
        _request = request;
        _response = response;
        foreach (var header in inner.Headers.NonValidated)
        {
            // One value (the usual case) is copied as the string it is, without enumerating or boxing.
            if (header.Value.Count == 1)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value.ToString());
            }
            else
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
    }

    internal TimeoutException CreateTimeout(Exception inner)
    {
        var requestId = _response.Headers.NonValidated.TryGetValues("x-request-id", out var ids) && ids.Count > 0 ? ids.ToString() : null;
        var error = new TimeoutException(
            $"{_request.Method} {_request.RequestUri} did not finish within {_timeout.TotalSeconds:0.###} s (GrokClientOptions.Timeout): the body stalled after the headers"
                + (requestId is null ? "." : $" (x-request-id: {requestId})."),
            inner);
        if (requestId is not null)
        {
            error.Data["RequestId"] = requestId;
        }

        return error;
    }

    internal CancellationToken Deadline => _deadline.Token;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken)
    {
        // Linked only when the reader's token can cancel at all (Refit passes the caller's, often None).
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _deadline.Token) : null;
        try
        {
            return new DeadlineStream(await _inner.ReadAsStreamAsync(linked?.Token ?? _deadline.Token).ConfigureAwait(false), this);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && _deadline.IsCancellationRequested)
        {
            throw CreateTimeout(ex);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _deadline.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Reads the inner body with the deadline linked to each read's token.</summary>
    private sealed class DeadlineStream(Stream inner, DeadlineContent owner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            CancellationTokenSource? linked = null;
            var token = owner.Deadline;
            if (cancellationToken.CanBeCanceled)
            {
                linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, token);
                token = linked.Token;
            }

            try
            {
                return await inner.ReadAsync(buffer, token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException && !cancellationToken.IsCancellationRequested && owner._deadline.IsCancellationRequested)
            {
                throw owner.CreateTimeout(ex);
            }
            finally
            {
                linked?.Dispose();
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count)
        {
            // Synchronous reads (rare) still honour the deadline: the inner read is cancelled by disposing on expiry.
            using var registration = owner.Deadline.Register(static state => ((Stream)state!).Dispose(), inner);
            try
            {
                return inner.Read(buffer, offset, count);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException && owner._deadline.IsCancellationRequested)
            {
                throw owner.CreateTimeout(ex);
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
}
