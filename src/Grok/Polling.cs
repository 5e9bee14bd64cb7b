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

    private static void CheckInterval(TimeSpan interval, string parameterName)
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

    private static void CheckTimeout(TimeSpan timeout, string parameterName)
    {
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(parameterName, timeout, "The timeout must be positive, or Timeout.InfiniteTimeSpan.");
        }
    }

    /// <summary>
    /// Checks the caller's <paramref name="pollInterval"/> and <paramref name="timeout"/> (null: the schedule's
    /// defaults) at once, then calls <paramref name="poll"/> until it returns a value: waiting the interval first and
    /// <see cref="PollSchedule.Backoff"/> times longer each round, up to <see cref="PollSchedule.MaxInterval"/> (or the
    /// caller's interval when that is longer), and no longer than the timeout in all.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is under 100 ms or over the timer limit, or the timeout is neither positive nor infinite (thrown by the call, not the task).</exception>
    public static Task<T> UntilAsync<T>(
        Func<CancellationToken, Task<T?>> poll,
        TimeSpan? pollInterval,
        TimeSpan? timeout,
        PollSchedule schedule,
        Func<TimeSpan, string> describeTimeout,
        CancellationToken cancellationToken)
        where T : class
    {
        var interval = pollInterval ?? schedule.Interval;
        var limit = timeout ?? schedule.Timeout;
        CheckInterval(interval, nameof(pollInterval));
        CheckTimeout(limit, nameof(timeout));
        var maxInterval = interval > schedule.MaxInterval ? interval : schedule.MaxInterval;
        return RunAsync(poll, interval, maxInterval, schedule.Backoff, limit, describeTimeout, cancellationToken);
    }

    private static async Task<T> RunAsync<T>(
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

/// <summary>How one kind of result is polled when the caller does not say otherwise.</summary>
/// <param name="Interval">The first wait between polls.</param>
/// <param name="Timeout">The longest wait in all.</param>
/// <param name="MaxInterval">The longest wait between two polls (a longer caller interval wins).</param>
/// <param name="Backoff">How much longer each wait is than the one before.</param>
internal readonly record struct PollSchedule(TimeSpan Interval, TimeSpan Timeout, TimeSpan MaxInterval, double Backoff);
