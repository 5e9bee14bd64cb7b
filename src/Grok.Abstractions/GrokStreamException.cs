using System;

namespace Grok;

/// <summary>
/// A server-sent-event stream broke before its closing <c>data: [DONE]</c>: the connection dropped, the body ended
/// early, or an event could not be read. What was received before is all there is; the answer is incomplete.
/// </summary>
public sealed class GrokStreamException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="eventsReceived">How many events reached the caller before the break.</param>
    /// <param name="innerException">The transport or parsing error, if any.</param>
    public GrokStreamException(string message, int eventsReceived, Exception? innerException = null)
        : this(message, eventsReceived, requestId: null, innerException)
    {
    }

    /// <summary>Initializes a new instance that names the server's request id.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="eventsReceived">How many events reached the caller before the break.</param>
    /// <param name="requestId">The stream response's <c>x-request-id</c> header, if it had one.</param>
    /// <param name="innerException">The transport or parsing error, if any.</param>
    public GrokStreamException(string message, int eventsReceived, string? requestId, Exception? innerException = null)
        : base(message, innerException)
    {
        EventsReceived = eventsReceived;
        RequestId = requestId;
    }

    /// <summary>Gets the stream response's <c>x-request-id</c> header, to quote to xAI support; null when it had none.</summary>
    public string? RequestId { get; }

    /// <summary>Gets how many events reached the caller before the stream broke.</summary>
    public int EventsReceived { get; }
}
