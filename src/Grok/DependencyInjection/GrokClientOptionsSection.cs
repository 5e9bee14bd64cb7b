using System;
using Microsoft.Extensions.Configuration;

namespace Grok.DependencyInjection;

/// <summary>
/// The configuration keys <see cref="GrokClientOptions"/> reads. Bound by the configuration binding source generator
/// (no reflection: trimming- and AOT-safe); only the keys present override the options. <see cref="GrokClientOptions"/>
/// itself is not bound, because its <c>JsonSerializerOptions</c> and <c>LoggerFactory</c> are objects code supplies.
/// </summary>
internal sealed class GrokClientOptionsSection
{
    public string? ApiKey { get; set; }

    public Uri? BaseAddress { get; set; }

    public string? DefaultModel { get; set; }

    public int? MaxRetries { get; set; }

    public TimeSpan? Timeout { get; set; }

    public TimeSpan? StreamIdleTimeout { get; set; }

    public int? MaxEventSize { get; set; }

    public bool? UseBuiltInResilience { get; set; }

    public bool? ValidateRequests { get; set; }

    /// <summary>Applies the section's keys to <paramref name="options"/>.</summary>
    /// <exception cref="InvalidOperationException">A value cannot be read (the message names the key).</exception>
    public static void Apply(IConfigurationSection section, GrokClientOptions options)
    {
        if (section.Get<GrokClientOptionsSection>() is not { } values)
        {
            return;
        }

        if (!string.IsNullOrEmpty(values.ApiKey))
        {
            options.ApiKey = values.ApiKey;
        }

        if (values.BaseAddress is { } baseAddress)
        {
            options.BaseAddress = baseAddress;
        }

        if (!string.IsNullOrEmpty(values.DefaultModel))
        {
            options.DefaultModel = values.DefaultModel;
        }

        options.MaxRetries = values.MaxRetries ?? options.MaxRetries;
        options.Timeout = values.Timeout ?? options.Timeout;
        options.StreamIdleTimeout = values.StreamIdleTimeout ?? options.StreamIdleTimeout;
        options.MaxEventSize = values.MaxEventSize ?? options.MaxEventSize;
        options.UseBuiltInResilience = values.UseBuiltInResilience ?? options.UseBuiltInResilience;
        options.ValidateRequests = values.ValidateRequests ?? options.ValidateRequests;
    }
}
