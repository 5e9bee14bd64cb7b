using System;
using System.Collections.Generic;
using System.Globalization;
using Grok.Emulation;

namespace Grok;

/// <summary>
/// A scripted answer or fault for the next request a <see cref="GrokEmulator"/> receives (see <see cref="GrokEmulator.Enqueue"/>).
/// </summary>
/// <remarks>
/// With a <see cref="StatusCode"/> or a <see cref="Body"/>, the emulator answers exactly that: a <c>text/event-stream</c>
/// body is replayed verbatim, frame by frame. With neither, the request is answered normally, with <see cref="Delay"/>,
/// <see cref="Headers"/> and <see cref="CutStreamAfterChunks"/> applied.
/// </remarks>
public sealed class EmulatorResponse
{
    /// <summary>Gets the status code; 0 (the default) answers normally, or 200 when <see cref="Body"/> is set.</summary>
    public int StatusCode { get; init; }

    /// <summary>
    /// Gets the body sent verbatim; null answers normally, or, when <see cref="StatusCode"/> is set, sends an xAI-shaped
    /// error body for a status of 400 or more and an empty body otherwise.
    /// </summary>
    public string? Body { get; init; }

    /// <summary>Gets the content type of <see cref="Body"/>; <c>application/json</c> by default.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Gets extra response headers, such as <c>Retry-After</c>, <c>retry-after-ms</c> or <c>x-request-id</c>.</summary>
    public IDictionary<string, string>? Headers { get; init; }

    /// <summary>Gets the pause before the response headers are sent.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>
    /// Gets the number of server-sent-event frames after which a stream stops: the connection is aborted, or the body ends
    /// cleanly when <see cref="EndStreamCleanlyAfterCut"/> is set; either way no <c>[DONE]</c> arrives.
    /// </summary>
    public int? CutStreamAfterChunks { get; init; }

    /// <summary>Gets a value indicating whether a stream cut by <see cref="CutStreamAfterChunks"/> ends its body cleanly instead of aborting the connection.</summary>
    public bool EndStreamCleanlyAfterCut { get; init; }

    /// <summary>
    /// Gets the number of events after which a Responses stream sends an <c>error</c> event
    /// (<c>{ "type": "error", "code", "message" }</c>) and ends, instead of its remaining events.
    /// </summary>
    public int? ErrorEventAfterChunks { get; init; }

    /// <summary>Gets the message of the error event of <see cref="ErrorEventAfterChunks"/>.</summary>
    public string ErrorEventMessage { get; init; } = "The emulated stream failed.";

    /// <summary>Gets the code of the error event of <see cref="ErrorEventAfterChunks"/>.</summary>
    public string ErrorEventCode { get; init; } = "server_error";

    /// <summary>Gets a value indicating whether a Responses stream ends with <c>data: [DONE]</c> after its terminal event (xAI sends none).</summary>
    public bool AppendDone { get; init; }

    /// <summary>
    /// Gets the message of a failed Responses answer: the plain call returns <c>status: "failed"</c> with this error, a
    /// stream ends with <c>response.failed</c>; null answers normally.
    /// </summary>
    public string? FailResponseMessage { get; init; }

    /// <summary>Gets the code of the error of <see cref="FailResponseMessage"/>.</summary>
    public string FailResponseCode { get; init; } = "server_error";

    /// <summary>Gets a value indicating whether this response replaces the emulator's own answer.</summary>
    internal bool IsScripted => StatusCode != 0 || Body is not null;

    /// <summary>Creates an error in xAI's shape, <c>{ "code": "...", "error": "..." }</c>.</summary>
    /// <param name="statusCode">The HTTP status code, such as 400 or 503.</param>
    /// <param name="message">The <c>error</c> text.</param>
    /// <param name="code">The <c>code</c> text; when null, the one xAI uses for <paramref name="statusCode"/>.</param>
    /// <returns>The scripted response.</returns>
    public static EmulatorResponse Error(int statusCode, string message, string? code = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentNullException.ThrowIfNull(message);
        return new EmulatorResponse
        {
            StatusCode = statusCode,
            Body = EmulatorErrors.Serialize(code ?? EmulatorErrors.CodeFor(statusCode), message),
        };
    }

    /// <summary>Creates a 429 in xAI's shape, with <c>Retry-After</c> (whole seconds, rounded up) and <c>retry-after-ms</c> when <paramref name="retryAfter"/> is given.</summary>
    /// <param name="retryAfter">The wait to advertise; null sends no retry headers, as xAI usually does.</param>
    /// <returns>The scripted response.</returns>
    public static EmulatorResponse RateLimited(TimeSpan? retryAfter = null)
    {
        Dictionary<string, string>? headers = null;
        if (retryAfter is { } wait)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(retryAfter));
            headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Retry-After"] = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
                ["retry-after-ms"] = ((long)Math.Ceiling(wait.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture),
            };
        }

        return new EmulatorResponse
        {
            StatusCode = 429,
            Body = EmulatorErrors.Serialize(EmulatorErrors.CodeFor(429), "Rate limit exceeded for the emulated model. Please retry later."),
            Headers = headers,
        };
    }

    /// <summary>Creates a server error (500 by default) in xAI's shape.</summary>
    /// <param name="statusCode">The status code, such as 500, 502, 503 or 504.</param>
    /// <returns>The scripted response.</returns>
    public static EmulatorResponse ServerError(int statusCode = 500)
        => Error(statusCode, "The emulated service failed to answer (status " + statusCode.ToString(CultureInfo.InvariantCulture) + ").");

    /// <summary>Creates a response that replays <paramref name="body"/> verbatim; a <c>text/event-stream</c> body is flushed frame by frame on blank lines.</summary>
    /// <param name="body">The exact body, such as a recorded stream.</param>
    /// <param name="contentType">The content type; <c>text/event-stream</c> by default.</param>
    /// <param name="statusCode">The status code; 200 by default.</param>
    /// <returns>The scripted response.</returns>
    public static EmulatorResponse Replay(string body, string contentType = "text/event-stream", int statusCode = 200)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        return new EmulatorResponse { StatusCode = statusCode, Body = body, ContentType = contentType };
    }

    /// <summary>Creates a fault for a normal streamed answer: it stops after <paramref name="chunks"/> frames without <c>[DONE]</c>.</summary>
    /// <param name="chunks">How many frames are sent before the cut.</param>
    /// <param name="endCleanly">True to end the body cleanly; false (the default) aborts the connection.</param>
    /// <returns>The scripted fault.</returns>
    public static EmulatorResponse CutStream(int chunks, bool endCleanly = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chunks);
        return new EmulatorResponse { CutStreamAfterChunks = chunks, EndStreamCleanlyAfterCut = endCleanly };
    }

    /// <summary>Creates a fault for a Responses stream: after <paramref name="events"/> events an <c>error</c> event ends it.</summary>
    /// <param name="events">How many events are sent before the error event.</param>
    /// <param name="message">The error's message.</param>
    /// <param name="code">The error's code.</param>
    /// <returns>The scripted fault.</returns>
    public static EmulatorResponse ErrorEvent(int events, string message, string code = "server_error")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        ArgumentException.ThrowIfNullOrEmpty(message);
        ArgumentException.ThrowIfNullOrEmpty(code);
        return new EmulatorResponse { ErrorEventAfterChunks = events, ErrorEventMessage = message, ErrorEventCode = code };
    }

    /// <summary>Creates a Responses answer that fails: <c>status: "failed"</c> with the error (a stream ends with <c>response.failed</c>).</summary>
    /// <param name="message">The error's message.</param>
    /// <param name="code">The error's code.</param>
    /// <returns>The scripted fault.</returns>
    public static EmulatorResponse FailedResponse(string message, string code = "server_error")
    {
        ArgumentException.ThrowIfNullOrEmpty(message);
        ArgumentException.ThrowIfNullOrEmpty(code);
        return new EmulatorResponse { FailResponseMessage = message, FailResponseCode = code };
    }

    /// <summary>Creates a switch for a normal Responses stream: <c>data: [DONE]</c> follows its terminal event, as some proxies send.</summary>
    /// <returns>The scripted switch.</returns>
    public static EmulatorResponse DoneAfterTerminal() => new() { AppendDone = true };

    /// <summary>Creates a fault that answers normally after <paramref name="delay"/>.</summary>
    /// <param name="delay">The pause before the response headers.</param>
    /// <returns>The scripted fault.</returns>
    public static EmulatorResponse Delayed(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new EmulatorResponse { Delay = delay };
    }
}
