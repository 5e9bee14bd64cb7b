using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Grok.Streaming;

/// <summary>What one server-sent event means to the reader.</summary>
internal enum EventKind : byte
{
    /// <summary>A comment, keep-alive or empty event.</summary>
    Skip,

    /// <summary>A chunk for the caller.</summary>
    Value,

    /// <summary>A chunk for the caller after which the body may end: a Responses terminal event (<c>response.completed</c>, ...).</summary>
    Terminal,

    /// <summary><c>data: [DONE]</c>.</summary>
    Done,

    /// <summary>The body ended (without <c>[DONE]</c>).</summary>
    End,
}

/// <summary>The limits an <see cref="EventStream{T}"/> reads under, from <see cref="GrokClientOptions"/>.</summary>
/// <param name="FirstEventTimeout">The longest wait from sending until the first event (<see cref="GrokClientOptions.Timeout"/>).</param>
/// <param name="IdleTimeout">The longest silence between two events after the first (<see cref="GrokClientOptions.StreamIdleTimeout"/>).</param>
/// <param name="MaxEventSize">The largest event, in bytes (<see cref="GrokClientOptions.MaxEventSize"/>).</param>
internal readonly record struct EventStreamLimits(TimeSpan FirstEventTimeout, TimeSpan IdleTimeout, int MaxEventSize)
{
    public static EventStreamLimits From(GrokClientOptions options) => new(options.Timeout, options.StreamIdleTimeout, options.MaxEventSize);
}

/// <summary>
/// An open event stream: the response, its parser, and the one timer that bounds the wait for the first event
/// (<see cref="GrokClientOptions.Timeout"/>, from sending) and then the silence between events
/// (<see cref="GrokClientOptions.StreamIdleTimeout"/>; any bytes received count as life). Maps every way a stream can
/// break to <see cref="GrokStreamException"/> or <see cref="TimeoutException"/>, each naming the server's request id.
/// </summary>
internal sealed class EventStream<T> : IAsyncDisposable
{
    private const int NotExpired = 0;
    private const int FirstEventExpired = 1;
    private const int IdleExpired = 2;

    private readonly HttpRequestMessage _request;
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _expiry;
    private readonly EventBodyStream _body;
    private readonly IAsyncEnumerator<SseItem<T?>> _events;
    private readonly EventReader<T> _reader;
    private readonly EventStreamLimits _limits;
    private readonly long _sentAt;
    private readonly CancellationToken _callerToken;
    private readonly ITimer? _timer;
    private EventKind? _pendingKind;
    private volatile bool _sawFirstEvent;
    private int _expired;

    private EventStream(HttpRequestMessage request, HttpResponseMessage response, CancellationTokenSource expiry, EventBodyStream body, EventReader<T> reader, EventStreamLimits limits, long sentAt, CancellationToken callerToken)
    {
        _request = request;
        _response = response;
        _expiry = expiry;
        _body = body;
        _reader = reader;
        _events = SseParser.Create(body, reader.Parse).EnumerateAsync(expiry.Token).GetAsyncEnumerator(expiry.Token);
        _limits = limits;
        _sentAt = sentAt;
        _callerToken = callerToken;
        RequestId = response.Headers.TryGetValues("x-request-id", out var ids) ? System.Linq.Enumerable.FirstOrDefault(ids) : null;
        if (IsBounded(limits.FirstEventTimeout) || IsBounded(limits.IdleTimeout))
        {
            _timer = TimeProvider.System.CreateTimer(static state => ((EventStream<T>)state!).CheckTimeouts(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Arm();
        }
    }

    /// <summary>Gets how many chunks reached the caller.</summary>
    public int Received { get; private set; }

    /// <summary>Gets the response's <c>x-request-id</c> header, or null.</summary>
    public string? RequestId { get; }

    /// <summary>Starts reading a 2xx event-stream response, up to its first event.</summary>
    /// <param name="request">The request (disposed with the stream).</param>
    /// <param name="response">The 2xx response (disposed with the stream).</param>
    /// <param name="reader">Reads each event's value and meaning (one reader per stream).</param>
    /// <param name="limits">The timeouts and the event size limit.</param>
    /// <param name="sentAt">When the request was sent (<see cref="Stopwatch"/> ticks): the first event's wait counts from there.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public static async Task<EventStream<T>> OpenAsync(
        HttpRequestMessage request,
        HttpResponseMessage response,
        EventReader<T> reader,
        EventStreamLimits limits,
        long sentAt,
        CancellationToken cancellationToken)
    {
        var expiry = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        EventStream<T>? stream = null;
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            stream = new EventStream<T>(request, response, expiry, new EventBodyStream(body, limits.MaxEventSize), reader, limits, sentAt, cancellationToken);
            var first = await stream.NextAsync().ConfigureAwait(false);
            if (first == EventKind.End)
            {
                throw new GrokStreamException("The stream ended before its first event, without data: [DONE] or a terminal event.", 0, stream.RequestId);
            }

            stream._pendingKind = first; // handed out by the caller's first NextAsync
            return stream;
        }
        catch
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                expiry.Dispose();
            }

            throw;
        }
    }

    /// <summary>Gets the value of the event <see cref="NextAsync"/> read last (default for <c>[DONE]</c> and the end).</summary>
    public T? Current { get; private set; }

    /// <summary>Gets the SSE event name of the event <see cref="NextAsync"/> read last.</summary>
    public string? CurrentEventType { get; private set; }

    /// <summary>Reads the next meaningful event (skipping comments and empty events) into <see cref="Current"/>.</summary>
    /// <returns>What it means: a value, a terminal value, <c>[DONE]</c>, or the end of the body.</returns>
    /// <remarks>
    /// Synchronous while the parser holds buffered events (most chunks of a stream): one check per event, no async
    /// frame, no clock read, and no generic struct per event (the value stays in <see cref="Current"/>; a struct over
    /// <typeparamref name="T"/> in shared generic code costs lookups on every access). The idle watch lives in
    /// <see cref="EventBodyStream"/>, which stamps each network read.
    /// </remarks>
    public ValueTask<EventKind> NextAsync()
    {
        if (_pendingKind is { } pending)
        {
            _pendingKind = null;
            return new ValueTask<EventKind>(pending); // counted when it was read
        }

        while (true)
        {
            ValueTask<bool> move;
            try
            {
                move = _events.MoveNextAsync();
                if (!move.IsCompleted)
                {
                    return AwaitNextAsync(move);
                }
            }
            catch (Exception ex) when (Map(ex) is { } mapped)
            {
                throw mapped;
            }

            var kind = Take(Complete(move));
            if (kind != EventKind.Skip)
            {
                return new ValueTask<EventKind>(kind);
            }
        }
    }

    private async ValueTask<EventKind> AwaitNextAsync(ValueTask<bool> move)
    {
        while (true)
        {
            bool moved;
            try
            {
                moved = await move.ConfigureAwait(false);
            }
            catch (Exception ex) when (Map(ex) is { } mapped)
            {
                throw mapped;
            }

            var kind = Take(moved);
            if (kind != EventKind.Skip)
            {
                return kind;
            }

            try
            {
                move = _events.MoveNextAsync();
            }
            catch (Exception ex) when (Map(ex) is { } mapped)
            {
                throw mapped;
            }
        }
    }

    private bool Complete(ValueTask<bool> move)
    {
        try
        {
            return move.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (Map(ex) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <summary>Takes the event the parser just produced (or the end of the body) unless it is a comment or an empty event.</summary>
    private EventKind Take(bool moved)
    {
        var kind = EventKind.End;
        if (moved)
        {
            kind = _reader.LastKind;
            if (kind == EventKind.Skip)
            {
                return kind;
            }

            var current = _events.Current;
            Current = current.Data;
            CurrentEventType = current.EventType;
        }
        else
        {
            Current = default;
        }

        if (!_sawFirstEvent)
        {
            _sawFirstEvent = true;
            Arm(); // from now on the idle rule applies
        }

        if (kind is EventKind.Value or EventKind.Terminal)
        {
            Received++;
        }

        return kind;
    }

    public async ValueTask DisposeAsync()
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
        }

        await _events.DisposeAsync().ConfigureAwait(false);
        await _body.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
        _request.Dispose();
        _expiry.Dispose();
    }

    private static bool IsBounded(TimeSpan timeout) => timeout > TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan;

    /// <summary>Sets the timer to the next moment a limit could be reached.</summary>
    private void Arm()
    {
        TimeSpan due;
        if (!_sawFirstEvent)
        {
            if (!IsBounded(_limits.FirstEventTimeout))
            {
                return;
            }

            due = _limits.FirstEventTimeout - Stopwatch.GetElapsedTime(_sentAt);
        }
        else if (IsBounded(_limits.IdleTimeout))
        {
            var waitingSince = _body.WaitingSince;
            due = waitingSince == 0 ? _limits.IdleTimeout : _limits.IdleTimeout - Stopwatch.GetElapsedTime(waitingSince);
        }
        else
        {
            due = Timeout.InfiniteTimeSpan;
        }

        try
        {
            _timer!.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The stream was disposed meanwhile.
        }
    }

    private void CheckTimeouts()
    {
        if (!_sawFirstEvent)
        {
            if (Stopwatch.GetElapsedTime(_sentAt) >= _limits.FirstEventTimeout)
            {
                Expire(FirstEventExpired);
                return;
            }
        }
        else if (IsBounded(_limits.IdleTimeout))
        {
            var waitingSince = _body.WaitingSince;
            if (waitingSince != 0 && Stopwatch.GetElapsedTime(waitingSince) >= _limits.IdleTimeout)
            {
                Expire(IdleExpired);
                return;
            }
        }

        Arm();
    }

    private void Expire(int reason)
    {
        Interlocked.CompareExchange(ref _expired, reason, NotExpired);
        try
        {
            _expiry.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stream was disposed meanwhile.
        }
    }

    private string Quote() => RequestId is null ? "" : $" (x-request-id: {RequestId})";

    private TimeoutException CreateTimeout(Exception inner)
    {
        var error = Volatile.Read(ref _expired) == FirstEventExpired
            ? new TimeoutException(
                $"No event within {_limits.FirstEventTimeout.TotalSeconds:0.###} s of sending the request (GrokClientOptions.Timeout); the stream was abandoned{Quote()}.",
                inner)
            : new TimeoutException(
                $"No event for {_limits.IdleTimeout.TotalSeconds:0.###} s (GrokClientOptions.StreamIdleTimeout) after {Received} events; the stream was abandoned{Quote()}.",
                inner);
        if (RequestId is not null)
        {
            error.Data["RequestId"] = RequestId;
        }

        return error;
    }

    /// <summary>What a failure of the parser or the body means to the caller, or null to let it through unchanged.</summary>
    private Exception? Map(Exception ex) => ex switch
    {
        _ when !_callerToken.IsCancellationRequested && Volatile.Read(ref _expired) != NotExpired => CreateTimeout(ex),
        EventTooLargeException tooLarge => new GrokStreamException(
            $"Event {Received + 1} of the stream is larger than {tooLarge.Limit} bytes (GrokClientOptions.MaxEventSize); the stream was abandoned{Quote()}.",
            Received,
            RequestId,
            ex),
        IOException or HttpRequestException or InvalidDataException when !_callerToken.IsCancellationRequested
            => new GrokStreamException($"The stream broke after {Received} events, before its end{Quote()}: {ex.Message}", Received, RequestId, ex),
        ErrorEventException => new GrokStreamException($"The stream failed after {Received} events{Quote()}: {ex.Message}", Received, RequestId, ex),
        JsonException => new GrokStreamException($"Event {Received + 1} of the stream could not be read as {typeof(T).Name}{Quote()}: {ex.Message}", Received, RequestId, ex),
        _ => null,
    };
}
