using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Grok.Http;

/// <summary>What is retried and how long to wait: the contract's reliability rules in one place.</summary>
internal static class GrokRetryPolicy
{
    /// <summary>The first backoff delay; it doubles per attempt, with jitter.</summary>
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(0.5);

    /// <summary>The longest backoff delay.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(8);

    /// <summary>The longest server-asked wait that is honoured; a longer one surfaces the error at once.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    /// <summary>Whether a status is worth another attempt.</summary>
    public static bool IsRetriableStatus(HttpStatusCode status)
        => (int)status is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>Decides whether a failed response is retried (reading a 429's body for exhausted credits).</summary>
    public static async ValueTask<bool> ShouldRetryAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!IsRetriableStatus(response.StatusCode))
        {
            return false;
        }

        if (GetRetryAfter(response) is { } wait && wait > MaxRetryAfter)
        {
            return false;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // "Your team ... has either used all available credits or reached its monthly spending limit": waiting won't help.
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (body.Contains("credits", StringComparison.OrdinalIgnoreCase) || body.Contains("spending limit", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The wait the server asks for: <c>retry-after-ms</c> first, else <c>Retry-After</c> (seconds or an HTTP date).</summary>
    public static TimeSpan? GetRetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (retryAfter.Date is { } date)
            {
                var wait = date - DateTimeOffset.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
        }

        return null;
    }
}
