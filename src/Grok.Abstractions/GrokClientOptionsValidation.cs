using System;
using System.Collections.Generic;

namespace Grok;

/// <summary>
/// The one place <see cref="GrokClientOptions"/> are checked as a whole. The DI validator (<c>ValidateOnStart</c>) reports
/// every failure it returns; each failure names the property it is about.
/// </summary>
internal static class GrokClientOptionsValidation
{
    /// <summary>Checks the options and returns one message per problem, each starting with the property's name; empty when valid.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The failures.</returns>
    internal static List<string> Validate(GrokClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        ValidateApiKey(options, failures);
        ValidateBaseAddress(options, failures);
        return failures;
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
