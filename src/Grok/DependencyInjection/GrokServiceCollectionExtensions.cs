using System;
using System.Globalization;
using System.Threading;
using Grok;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Grok clients with <c>IHttpClientFactory</c>; options bind from the configuration section <c>Grok</c>.</summary>
public static class GrokServiceCollectionExtensions
{
    /// <summary>The configuration section options bind from.</summary>
    public const string ConfigurationSectionName = "Grok";

    /// <summary>Registers the ready <see cref="IGrokClient"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adjusts the options after the <c>Grok</c> configuration section is applied.</param>
    /// <returns>The HTTP client builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddGrokClient(this IServiceCollection services, Action<GrokClientOptions>? configure = null)
        => services.AddGrokClient<IGrokClient>(configure);

    /// <summary>Registers a client for an interface declared with <see cref="GrokEndpointAttribute"/>, as a typed <c>HttpClient</c> client.</summary>
    /// <typeparam name="TApi">The interface.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adjusts the options after the <c>Grok</c> configuration section is applied.</param>
    /// <returns>The HTTP client builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddGrokClient<TApi>(this IServiceCollection services, Action<GrokClientOptions>? configure = null)
        where TApi : class
    {
        ArgumentNullException.ThrowIfNull(services);
        var name = "Grok:" + typeof(TApi).FullName;
        var options = services.AddOptions<GrokClientOptions>(name)
            .Configure<IServiceProvider>(static (options, provider) =>
            {
                options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
                if (provider.GetService<IConfiguration>()?.GetSection(ConfigurationSectionName) is { } section)
                {
                    Bind(section, options);
                }
            });
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return services.AddHttpClient(name)
            .ConfigureHttpClient((provider, http) =>
            {
                http.BaseAddress = GrokClient.GetBaseAddress(Get(provider, name));
                http.Timeout = Timeout.InfiniteTimeSpan; // GrokClientOptions.Timeout bounds each attempt instead
            })
            .AddHttpMessageHandler(provider => GrokClient.CreateDelegatingHandler(Get(provider, name)))
            .AddTypedClient((http, provider) => GrokClient.Create<TApi>(http, Get(provider, name)));
    }

    /// <summary>
    /// Registers <see cref="IGrokClient"/> and, over it, an <see cref="IChatClient"/> (Microsoft.Extensions.AI); add
    /// middleware such as function invocation with the returned builder.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adjusts the options after the <c>Grok</c> configuration section is applied.</param>
    /// <param name="model">The model; <see cref="GrokClientOptions.DefaultModel"/> when null.</param>
    /// <returns>The chat client builder.</returns>
    public static ChatClientBuilder AddGrokChatClient(this IServiceCollection services, Action<GrokClientOptions>? configure = null, string? model = null)
    {
        services.AddGrokClient(configure);
        return services.AddChatClient(provider => provider.GetRequiredService<IGrokClient>().AsIChatClient(model));
    }

    private static GrokClientOptions Get(IServiceProvider provider, string name)
        => provider.GetRequiredService<IOptionsMonitor<GrokClientOptions>>().Get(name);

    // Hand-written instead of ConfigurationBinder: no reflection, so it stays trimming- and AOT-safe.
    private static void Bind(IConfigurationSection section, GrokClientOptions options)
    {
        if (section[nameof(GrokClientOptions.ApiKey)] is { Length: > 0 } apiKey)
        {
            options.ApiKey = apiKey;
        }

        if (section[nameof(GrokClientOptions.BaseAddress)] is { Length: > 0 } baseAddress)
        {
            options.BaseAddress = Uri.TryCreate(baseAddress, UriKind.Absolute, out var uri)
                ? uri
                : throw new InvalidOperationException($"Configuration Grok:BaseAddress '{baseAddress}' is not an absolute URI.");
        }

        if (section[nameof(GrokClientOptions.DefaultModel)] is { Length: > 0 } model)
        {
            options.DefaultModel = model;
        }

        if (section[nameof(GrokClientOptions.MaxRetries)] is { Length: > 0 } retries)
        {
            options.MaxRetries = int.TryParse(retries, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 0
                ? count
                : throw new InvalidOperationException($"Configuration Grok:MaxRetries '{retries}' is not a whole number of at least 0.");
        }

        options.Timeout = ReadTimeSpan(section, nameof(GrokClientOptions.Timeout)) ?? options.Timeout;
        options.StreamIdleTimeout = ReadTimeSpan(section, nameof(GrokClientOptions.StreamIdleTimeout)) ?? options.StreamIdleTimeout;
    }

    private static TimeSpan? ReadTimeSpan(IConfigurationSection section, string key)
    {
        if (section[key] is not { Length: > 0 } text)
        {
            return null;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : throw new InvalidOperationException($"Configuration Grok:{key} '{text}' is not a positive time span such as 00:05:00.");
    }
}
