using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace Grok;

/// <summary>
/// The one place <see cref="GrokClientOptions"/> are checked as a whole. The DI validator (<c>ValidateOnStart</c>) reports
/// every failure it returns; each failure names the property it is about. <c>GrokClient.Create</c> and the Grok handler
/// throw <see cref="ArgumentOutOfRangeException"/> for the first out-of-range reliability setting.
/// </summary>
internal static class GrokClientOptionsValidation
{
    /// <summary>The longest finite timeout timers accept (about 49.7 days).</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>The most retries a client may be configured with.</summary>
    public const int MaxRetriesLimit = 10;

    /// <summary>The smallest <see cref="GrokClientOptions.MaxEventSize"/>: 1 KiB.</summary>
    public const int MinEventSize = 1024;

    /// <summary>The largest <see cref="GrokClientOptions.MaxEventSize"/>: 256 MiB (the parser's buffer grows to about twice an event).</summary>
    public const int MaxEventSize = 256 * 1024 * 1024;

    /// <summary>Checks the options and returns one message per problem, each starting with the property's name; empty when valid.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The failures.</returns>
    internal static List<string> Validate(GrokClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        ValidateApiKey(options, failures);
        ValidateBaseAddress(options, failures);
        foreach (var failure in ValidateRanges(options))
        {
            failures.Add(failure.Message);
        }

        return failures;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first reliability setting that cannot work.</summary>
    /// <param name="options">The options.</param>
    internal static void ThrowIfOutOfRange(GrokClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = ValidateRanges(options);
        if (failures.Count > 0)
        {
            var (property, value, message) = failures[0];
            throw new ArgumentOutOfRangeException(property, value, message);
        }
    }

    /// <summary>The retry count, timeouts and event size: the settings that must lie in a range.</summary>
    private static List<(string Property, object? Value, string Message)> ValidateRanges(GrokClientOptions options)
    {
        var failures = new List<(string, object?, string)>();
        if (options.MaxRetries is < 0 or > MaxRetriesLimit)
        {
            failures.Add((nameof(GrokClientOptions.MaxRetries), options.MaxRetries,
                $"{nameof(GrokClientOptions)}.{nameof(GrokClientOptions.MaxRetries)}: is {options.MaxRetries}; it must be between 0 (no retries) and {MaxRetriesLimit}."));
        }

        CheckTimeout(failures, nameof(GrokClientOptions.Timeout), options.Timeout);
        CheckTimeout(failures, nameof(GrokClientOptions.StreamIdleTimeout), options.StreamIdleTimeout);
        if (options.MaxEventSize is < MinEventSize or > MaxEventSize)
        {
            failures.Add((nameof(GrokClientOptions.MaxEventSize), options.MaxEventSize,
                $"{nameof(GrokClientOptions)}.{nameof(GrokClientOptions.MaxEventSize)}: is {options.MaxEventSize} bytes; it must be between {MinEventSize} (1 KiB) and {MaxEventSize} (256 MiB)."));
        }

        return failures;
    }

    private static void CheckTimeout(List<(string, object?, string)> failures, string name, TimeSpan value)
    {
        if (value == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        if (value <= TimeSpan.Zero)
        {
            failures.Add((name, value,
                $"{nameof(GrokClientOptions)}.{name}: is {value}; it must be positive, or Timeout.InfiniteTimeSpan to disable it."));
        }
        else if (value > MaxTimeout)
        {
            failures.Add((name, value, string.Create(CultureInfo.InvariantCulture,
                $"{nameof(GrokClientOptions)}.{name}: is {value}; timers accept at most {MaxTimeout.TotalDays:0.#} days. Use Timeout.InfiniteTimeSpan for no limit.")));
        }
    }

    private static void ValidateApiKey(GrokClientOptions options, List<string> failures)
    {
        var key = options.ApiKey ?? Environment.GetEnvironmentVariable(GrokClientOptions.ApiKeyEnvironmentVariable);
        if (string.IsNullOrEmpty(key))
        {
            failures.Add(
                $"{nameof(GrokClientOptions)}.{nameof(GrokClientOptions.ApiKey)}: no xAI API key. Set it (configuration key Grok:ApiKey) or the {GrokClientOptions.ApiKeyEnvironmentVariable} environment variable; keys are at https://console.x.ai.");
            return;
        }

        foreach (var c in key)
        {
            if (c is <= ' ' or > '~')
            {
                failures.Add(
                    $"{nameof(GrokClientOptions)}.{nameof(GrokClientOptions.ApiKey)}: the key contains whitespace, a control character or a non-ASCII character (often a stray newline or a copy-paste artifact).");
                return;
            }
        }
    }

    private static void ValidateBaseAddress(GrokClientOptions options, List<string> failures)
    {
        const string Name = nameof(GrokClientOptions) + "." + nameof(GrokClientOptions.BaseAddress);
        var baseAddress = options.BaseAddress;
        if (baseAddress is null)
        {
            failures.Add($"{Name}: is null; leave it at its default {GrokClientOptions.DefaultBaseAddress} or set an absolute address.");
        }
        else if (!baseAddress.IsAbsoluteUri)
        {
            failures.Add($"{Name}: '{baseAddress}' is not absolute; use an address such as {GrokClientOptions.DefaultBaseAddress}.");
        }
        else if (!(baseAddress.Scheme == Uri.UriSchemeHttps || (baseAddress.Scheme == Uri.UriSchemeHttp && baseAddress.IsLoopback)))
        {
            failures.Add(
                $"{Name}: {baseAddress.GetLeftPart(UriPartial.Authority)} is not https, so the API key would travel in clear text. Use https, or http only to a loopback host (127.0.0.1, localhost).");
        }
    }
}
