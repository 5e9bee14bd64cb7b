using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Grok.Streaming;

namespace Grok;

// Event streams: send once, check the answer is a 2xx event stream, then yield each event as it arrives.
public abstract partial class GrokGeneratedClient
{
    /// <summary>
    /// Sends a streaming request and yields each server-sent event's <c>data</c> deserialized to <typeparamref name="T"/>
    /// (or, for <see cref="string"/>, its raw text) as it arrives, until <c>data: [DONE]</c> or the end of the body
    /// right after a Responses terminal event.
    /// </summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <param name="createRequest">Builds a fresh request for each enumeration.</param>
    /// <param name="cancellationToken">Cancels the call and the reading of the stream.</param>
    /// <returns>The events.</returns>
    /// <exception cref="GrokApiException">The answer is not a 2xx event stream (from the first <c>MoveNextAsync</c>).</exception>
    /// <exception cref="GrokStreamException">The stream broke, or ended before its end, or carried an error event.</exception>
    protected IAsyncEnumerable<T> StreamAsync<T>(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
        => ReadEventsAsync(createRequest, static (EventStream<T> stream) => stream.Current!, cancellationToken);

    /// <summary>Like <see cref="StreamAsync{T}"/>, yielding each event with its SSE event name.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <param name="createRequest">Builds a fresh request for each enumeration.</param>
    /// <param name="cancellationToken">Cancels the call and the reading of the stream.</param>
    /// <returns>The events with their names (<c>message</c> when the server sent none).</returns>
    protected IAsyncEnumerable<SseItem<T>> StreamItemsAsync<T>(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
        => ReadEventsAsync(createRequest, static (EventStream<T> stream) => new SseItem<T>(stream.Current!, stream.CurrentEventType), cancellationToken);

    private async IAsyncEnumerable<TResult> ReadEventsAsync<T, TResult>(
        Func<HttpRequestMessage> createRequest,
        Func<EventStream<T>, TResult> project,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(createRequest);
        var reader = EventParser.Create(typeof(T) == typeof(string) ? null : (JsonTypeInfo<T>)GetJsonOptions().GetTypeInfo(typeof(T)));

        // The activity spans the whole reading; it is not left as Activity.Current in the caller's context between events.
        using var activity = GrokTelemetry.StartStream();
        EventStream<T> stream;
        try
        {
            stream = await OpenEventStreamAsync(createRequest(), reader, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (activity is not null)
        {
            GrokTelemetry.RecordError(activity, ex);
            throw;
        }

        await using (stream)
        {
            var afterTerminal = false;
            while (true)
            {
                EventKind kind;
                try
                {
                    kind = await stream.NextAsync().ConfigureAwait(false);
                    if (kind == EventKind.End && !afterTerminal)
                    {
                        throw new GrokStreamException(
                            $"The stream ended after {stream.Received} events without data: [DONE] or a terminal event; the answer is incomplete.",
                            stream.Received,
                            stream.RequestId);
                    }
                }
                catch (Exception ex) when (activity is not null)
                {
                    GrokTelemetry.RecordStreamEnd(activity, stream.Received, ex);
                    throw;
                }

                if (kind is EventKind.Done or EventKind.End)
                {
                    GrokTelemetry.RecordStreamEnd(activity, stream.Received, null);
                    yield break;
                }

                afterTerminal = kind == EventKind.Terminal;
                if (activity is not null)
                {
                    GrokTelemetry.RecordResult(activity, stream.Current);
                }

                yield return project(stream);
            }
        }
    }

    /// <summary>Sends the request once and reads up to its first event; nothing here sends it again (retries before the headers belong to the Grok handler).</summary>
    private async Task<EventStream<T>> OpenEventStreamAsync<T>(HttpRequestMessage request, EventReader<T> reader, GrokCallTelemetry? activity, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        if (activity is not null)
        {
            GrokTelemetry.Describe(activity, request, Client);
        }

        try
        {
            AcceptEventStream(request);
            await AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);
            var sentAt = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or TimeoutException)
            {
                var mapped = Settings.TransportExceptionFactory?.Invoke(request, ex, cancellationToken) ?? ex;
                if (ReferenceEquals(mapped, ex))
                {
                    throw;
                }

                throw mapped;
            }

            await EnsureEventStreamAsync(response, cancellationToken).ConfigureAwait(false);
            return await EventStream<T>.OpenAsync(request, response, reader, EventStreamLimits.From(_options), sentAt, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response?.Dispose();
            request.Dispose();
            throw;
        }
    }

    private async ValueTask EnsureEventStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            // The caller's token reaches the error body's reading (the exception factory takes none).
            var error = await Settings.ExceptionFactory(response).AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
            throw error ?? await GrokApiException.CreateAsync(response, Settings, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !string.Equals(mediaType, EventStreamMediaType, StringComparison.OrdinalIgnoreCase))
        {
            throw await GrokApiException.CreateAsync(
                response,
                Settings,
                $"A streaming endpoint expects {EventStreamMediaType} but the answer is {mediaType}.",
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
