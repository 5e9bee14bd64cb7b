using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;

namespace Grok.Http;

/// <summary>
/// What is retried and how long to wait: the contract's table (HTTP method x outcome of an attempt) in one place.
/// A request the server may already have processed is never sent again unless its method is idempotent.
/// </summary>
internal static class GrokRetryPolicy
{
    /// <summary>The first backoff delay; it doubles per attempt, with jitter.</summary>
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(0.5);

    /// <summary>The longest backoff delay.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(8);

    /// <summary>The longest server-asked wait that is honoured; a longer one surfaces the error at once.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether a method may be sent again after the server may have acted on it (GET, HEAD, OPTIONS, TRACE, DELETE).
    /// POST, PUT and PATCH bill or create: they are resent only when nothing can have been done.
    /// </summary>
    public static bool IsIdempotent(HttpMethod method)
        => method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
            || method == HttpMethod.Trace || method == HttpMethod.Delete;

    /// <summary>Decides whether an answered attempt is retried.</summary>
    /// <param name="request">The request (its method and body decide what is safe).</param>
    /// <param name="response">The answer; a non-2xx body was already buffered by the handler.</param>
    /// <returns>Whether to send the request again.</returns>
    public static bool ShouldRetry(HttpRequestMessage request, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var retriable = status switch
        {
            408 or 429 or 503 => true,                    // nothing was done: the server refused to start
            500 or 502 or 504 => IsIdempotent(request.Method), // the work may have been done
            _ => false,
        };

        if (!retriable || !IsReplayable(request.Content) || !TryGetRetryAfter(response, out _))
        {
            return false;
        }

        // "Your team ... has either used all available credits or reached its monthly spending limit": waiting won't help.
        return status != 429 || !IsCreditsExhausted(response.Content);
    }

    /// <summary>Decides whether an attempt that failed without an answer is retried.</summary>
    /// <param name="request">The request.</param>
    /// <param name="exception">The failure: a transport error, or <see cref="TimeoutException"/> for the attempt's timeout.</param>
    /// <returns>Whether to send the request again.</returns>
    public static bool ShouldRetry(HttpRequestMessage request, Exception exception)
    {
        if (!IsReplayable(request.Content))
        {
            return false;
        }

        return exception switch
        {
            HttpRequestException http when WasNotSent(http) => true,
            HttpRequestException or IOException or TimeoutException => IsIdempotent(request.Method),
            _ => false,
        };
    }

    /// <summary>
    /// Whether the request can have reached no server: the connection, name resolution or TLS handshake failed
    /// (SocketsHttpHandler's <see cref="HttpRequestError"/>). Anything else may have happened after sending.
    /// </summary>
    public static bool WasNotSent(HttpRequestException exception)
        => exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;

    /// <summary>
    /// Whether a body can be sent a second time: none, bytes, JSON serialized from an object, or multipart made of those.
    /// A stream (an upload) may have been consumed and is not resent.
    /// </summary>
    public static bool IsReplayable(HttpContent? content) => content switch
    {
        null => true,
        ByteArrayContent or ReadOnlyMemoryContent or JsonContent => true,
        MultipartContent multipart => multipart.All(IsReplayable),
        _ => false,
    };

    /// <summary>
    /// The wait the server asks for: <c>retry-after-ms</c> first, else <c>Retry-After</c> (seconds or an HTTP date).
    /// </summary>
    /// <param name="response">The answer.</param>
    /// <param name="wait">The wait, or null when the server asked for none (the backoff applies).</param>
    /// <returns>False when the server asked for a wait that is unreadable or longer than <see cref="MaxRetryAfter"/>: no retry.</returns>
    public static bool TryGetRetryAfter(HttpResponseMessage response, out TimeSpan? wait)
    {
        wait = null;
        if (response.Headers.NonValidated.TryGetValues("retry-after-ms", out var msValues))
        {
            var text = msValues.FirstOrDefault();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
                || !double.IsFinite(milliseconds) || milliseconds > MaxRetryAfter.TotalMilliseconds)
            {
                return false;
            }

            wait = TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
            return true;
        }

        if (!response.Headers.NonValidated.Contains("Retry-After"))
        {
            return true;
        }

        TimeSpan? asked = null;
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                asked = delta;
            }
            else if (retryAfter.Date is { } date)
            {
                var until = date - DateTimeOffset.UtcNow;
                asked = until < TimeSpan.Zero ? TimeSpan.Zero : until;
            }
        }

        if (asked is not { } value || value > MaxRetryAfter)
        {
            return false;
        }

        wait = value < TimeSpan.Zero ? TimeSpan.Zero : value;
        return true;
    }

    private static bool IsCreditsExhausted(HttpContent content)
    {
        if (content is not BufferedErrorContent buffered)
        {
            return false;
        }

        var body = Encoding.UTF8.GetString(buffered.Bytes.Span);
        return body.Contains("credits", StringComparison.OrdinalIgnoreCase) || body.Contains("spending limit", StringComparison.OrdinalIgnoreCase);
    }
}
