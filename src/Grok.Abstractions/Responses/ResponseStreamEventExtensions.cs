using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Grok.Responses;

/// <summary>Helpers over streams of <see cref="ResponseStreamEvent"/>.</summary>
public static class ResponseStreamEventExtensions
{
    /// <summary>
    /// Reads the whole stream and folds it into the <see cref="GrokResponse"/> the plain call would have returned: the
    /// terminal event's response (a <c>response.failed</c> gives <see cref="GrokResponse.Status"/> <c>failed</c> with
    /// <see cref="GrokResponse.Error"/> set), its output items built from the deltas when it carries none.
    /// </summary>
    /// <param name="events">The stream.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The response.</returns>
    /// <exception cref="GrokStreamException">The stream broke before its terminal event; nothing half-read is returned.</exception>
    public static async Task<GrokResponse> ToResponseAsync(
        this IAsyncEnumerable<ResponseStreamEvent> events,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var accumulator = new ResponseAccumulator();
        await foreach (var streamEvent in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            accumulator.Add(streamEvent);
        }

        return accumulator.Build();
    }
}
