using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace Grok;

/// <summary>One setting of <see cref="GrokClientOptions"/> that cannot work, and why.</summary>
/// <param name="PropertyName">The property, e.g. <c>MaxRetries</c>.</param>
/// <param name="Value">Its value.</param>
/// <param name="Message">What is wrong and what is allowed, naming <c>GrokClientOptions.&lt;property&gt;</c>.</param>
internal readonly record struct GrokClientOptionsFailure(string PropertyName, object? Value, string Message);

/// <summary>The single place <see cref="GrokClientOptions"/> are checked: by <c>GrokClient.Create</c>, the Grok handler and DI.</summary>
internal static class GrokClientOptionsValidation
{
    /// <summary>The longest finite timeout timers accept (about 49.7 days).</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>The smallest <see cref="GrokClientOptions.MaxEventSize"/>.</summary>
    public const int MinEventSize = 1024;

    /// <summary>The largest <see cref="GrokClientOptions.MaxEventSize"/>.</summary>
    public const int MaxEventSize = 1024 * 1024 * 1024;

    /// <summary>Checks every setting; returns each one that cannot work (none when the options are valid).</summary>
    public static IReadOnlyList<GrokClientOptionsFailure> Validate(GrokClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<GrokClientOptionsFailure>();
        if (options.MaxRetries is < 0 or > Http.GrokRetryPolicy.MaxRetriesLimit)
        {
            failures.Add(new(nameof(GrokClientOptions.MaxRetries), options.MaxRetries,
                $"GrokClientOptions.MaxRetries is {options.MaxRetries}; it must be between 0 (no retries) and {Http.GrokRetryPolicy.MaxRetriesLimit}."));
        }

        CheckTimeout(failures, nameof(GrokClientOptions.Timeout), options.Timeout);
        CheckTimeout(failures, nameof(GrokClientOptions.StreamIdleTimeout), options.StreamIdleTimeout);
        if (options.MaxEventSize is < MinEventSize or > MaxEventSize)
        {
            failures.Add(new(nameof(GrokClientOptions.MaxEventSize), options.MaxEventSize,
                $"GrokClientOptions.MaxEventSize is {options.MaxEventSize} bytes; it must be between {MinEventSize} (1 KiB) and {MaxEventSize} (1 GiB)."));
        }

        return failures;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting that cannot work.</summary>
    public static void ThrowIfInvalid(GrokClientOptions options)
    {
        var failures = Validate(options);
        if (failures.Count > 0)
        {
            var first = failures[0];
            throw new ArgumentOutOfRangeException(first.PropertyName, first.Value, first.Message);
        }
    }

    private static void CheckTimeout(List<GrokClientOptionsFailure> failures, string name, TimeSpan value)
    {
        if (value == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        if (value <= TimeSpan.Zero)
        {
            failures.Add(new(name, value,
                $"GrokClientOptions.{name} is {value}; it must be positive, or Timeout.InfiniteTimeSpan to disable it."));
        }
        else if (value > MaxTimeout)
        {
            failures.Add(new(name, value, string.Create(CultureInfo.InvariantCulture,
                $"GrokClientOptions.{name} is {value}; timers accept at most {MaxTimeout.TotalDays:0.#} days. Use Timeout.InfiniteTimeSpan for no limit.")));
        }
    }
}
