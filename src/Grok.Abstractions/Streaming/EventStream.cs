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

/// <summary>One parsed event: what it means, its value and its SSE event name.</summary>
internal readonly record struct StreamEvent<T>(EventKind Kind, T? Value, string? EventType = null)
{
    /// <summary>Gets whether the event goes to the caller.</summary>
    public bool IsValue => Kind is EventKind.Value or EventKind.Terminal;
}

/// <summary>
/// An open event stream: the response, its parser, and the idle timer that bounds the silence between two events.
/// Maps every way a stream can break to <see cref="GrokStreamException"/> or <see cref="TimeoutException"/>.
/// </summary>
internal sealed class EventStream<T> : IAsyncDisposable
{
    private readonly HttpRequestMessage _request;
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _idle;
    private readonly IAsyncEnumerator<SseItem<StreamEvent<T>>> _events;
    private readonly TimeSpan _idleTimeout;
    private readonly CancellationToken _callerToken;
    private readonly ITimer? _idleTimer;
    private StreamEvent<T>? _pending;

    // When the current read started (Stopwatch ticks), or 0 between reads. One timer checks it, instead of re-arming
    // a timer for every event: a stream of thousands of chunks pays a timestamp per chunk, nothing more.
    private long _readStartedAt;

    private EventStream(HttpRequestMessage request, HttpResponseMessage response, CancellationTokenSource idle, IAsyncEnumerator<SseItem<StreamEvent<T>>> events, TimeSpan idleTimeout, CancellationToken callerToken)
    {
        _request = request;
        _response = response;
        _idle = idle;
        _events = events;
        _idleTimeout = idleTimeout;
        _callerToken = callerToken;
        if (idleTimeout > TimeSpan.Zero && idleTimeout != Timeout.InfiniteTimeSpan)
        {
            _idleTimer = TimeProvider.System.CreateTimer(static state => ((EventStream<T>)state!).CheckIdle(), this, idleTimeout, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Gets how many chunks reached the caller.</summary>
    public int Received { get; private set; }

    /// <summary>Starts reading a 2xx event-stream response; reads up to the first chunk so a stream that breaks before it can be retried.</summary>
    public static async Task<EventStream<T>> OpenAsync(
        HttpRequestMessage request,
        HttpResponseMessage response,
        SseItemParser<StreamEvent<T>> parse,
        TimeSpan idleTimeout,
        CancellationToken cancellationToken)
    {
        var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var events = SseParser.Create(body, parse).EnumerateAsync(idle.Token).GetAsyncEnumerator(idle.Token);
            var stream = new EventStream<T>(request, response, idle, events, idleTimeout, cancellationToken);
            try
            {
                stream._pending = await stream.ReadMeaningfulAsync().ConfigureAwait(false);
                if (stream._pending.Value.Kind == EventKind.End)
                {
                    throw new GrokStreamException("The stream ended before its first event, without data: [DONE] or a terminal event.", 0);
                }
            }
            catch
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            return stream;
        }
        catch
        {
            idle.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next meaningful event (skipping comments and empty events).</summary>
    public async ValueTask<StreamEvent<T>> NextAsync()
    {
        StreamEvent<T> item;
        if (_pending is { } pending)
        {
            _pending = null;
            item = pending;
        }
        else
        {
            item = await ReadMeaningfulAsync().ConfigureAwait(false);
        }

        if (item.IsValue)
        {
            Received++;
        }

        return item;
    }

    public async ValueTask DisposeAsync()
    {
        if (_idleTimer is not null)
        {
            await _idleTimer.DisposeAsync().ConfigureAwait(false);
        }

        await _events.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
        _request.Dispose();
        _idle.Dispose();
    }

    private async ValueTask<StreamEvent<T>> ReadMeaningfulAsync()
    {
        while (true)
        {
            var item = await MoveNextAsync().ConfigureAwait(false);
            if (item.Kind != EventKind.Skip)
            {
                return item;
            }
        }
    }

    private void CheckIdle()
    {
        var startedAt = Volatile.Read(ref _readStartedAt);
        var waiting = startedAt == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(startedAt);
        if (waiting >= _idleTimeout)
        {
            _idle.Cancel();
            return;
        }

        try
        {
            _idleTimer!.Change(_idleTimeout - waiting, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The stream was disposed meanwhile.
        }
    }

    private async ValueTask<StreamEvent<T>> MoveNextAsync()
    {
        Volatile.Write(ref _readStartedAt, Stopwatch.GetTimestamp());
        try
        {
            return await _events.MoveNextAsync().ConfigureAwait(false)
                ? _events.Current.Data
                : new StreamEvent<T>(EventKind.End, default);
        }
        catch (Exception ex) when (!_callerToken.IsCancellationRequested && _idle.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"No event for {_idleTimeout.TotalSeconds:0.###} s (GrokClientOptions.StreamIdleTimeout) after {Received} events; the stream was abandoned.",
                ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !_callerToken.IsCancellationRequested)
        {
            throw new GrokStreamException($"The stream broke after {Received} events, before its end: {ex.Message}", Received, ex);
        }
        catch (ErrorEventException ex)
        {
            throw new GrokStreamException($"The stream failed after {Received} events: {ex.Message}", Received, ex);
        }
        catch (JsonException ex)
        {
            throw new GrokStreamException($"Event {Received + 1} of the stream could not be read as {typeof(T).Name}: {ex.Message}", Received, ex);
        }
        finally
        {
            Volatile.Write(ref _readStartedAt, 0);
        }
    }
}
