using System;
using System.Threading;
using System.Threading.Tasks;

namespace Grok;

/// <summary>Polls until a result is ready: bounded, cancellable, with a growing interval.</summary>
internal static class Polling
{
    /// <summary>The shortest poll interval accepted; faster polling only burns rate limit.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait <see cref="Task.Delay(TimeSpan, CancellationToken)"/> accepts.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    public static void CheckInterval(TimeSpan interval, string parameterName)
    {
        if (interval < MinInterval)
        {
            throw new ArgumentOutOfRangeException(parameterName, interval, $"Poll at most every {MinInterval.TotalMilliseconds:0} ms; faster polling only spends rate limit.");
        }

        if (interval > MaxInterval)
        {
            throw new ArgumentOutOfRangeException(parameterName, interval, "The poll interval must be at most 49 days (the timer limit).");
        }
    }

    public static void CheckTimeout(TimeSpan timeout, string parameterName)
    {
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(parameterName, timeout, "The timeout must be positive, or Timeout.InfiniteTimeSpan.");
        }
    }

    /// <summary>
    /// Calls <paramref name="poll"/> until it returns a value, waiting <paramref name="interval"/> first and
    /// <paramref name="backoff"/> times longer each round up to <paramref name="maxInterval"/>.
    /// </summary>
    public static async Task<T> UntilAsync<T>(
        Func<CancellationToken, Task<T?>> poll,
        TimeSpan interval,
        TimeSpan maxInterval,
        double backoff,
        TimeSpan timeout,
        Func<TimeSpan, string> describeTimeout,
        CancellationToken cancellationToken)
        where T : class
    {
        var started = TimeProvider.System.GetTimestamp();
        var wait = interval;
        while (true)
        {
            if (await poll(cancellationToken).ConfigureAwait(false) is { } result)
            {
                return result;
            }

            var elapsed = TimeProvider.System.GetElapsedTime(started);
            if (timeout != Timeout.InfiniteTimeSpan && elapsed + wait > timeout)
            {
                throw new TimeoutException(describeTimeout(elapsed));
            }

            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            wait = TimeSpan.FromTicks(Math.Min(maxInterval.Ticks, (long)(wait.Ticks * backoff)));
        }
    }
}
