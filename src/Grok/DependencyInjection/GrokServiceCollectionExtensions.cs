using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using Grok;
using Grok.DependencyInjection;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers Grok clients with <c>IHttpClientFactory</c>. Options bind from the configuration section <c>Grok</c>
/// (<c>Grok:&lt;serviceKey&gt;</c> for keyed clients), follow its reloads, and are validated when the host starts.
/// Calling these methods more than once is safe: each client gets one Grok handler, however often it is registered.
/// </summary>
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
    /// <remarks>
    /// The options are the named options <c>Grok:&lt;full name of TApi&gt;</c> (the builder's <see cref="IHttpClientBuilder.Name"/>).
    /// A second call adds its <paramref name="configure"/> after the first one's and nothing else: no second handler.
    /// </remarks>
    public static IHttpClientBuilder AddGrokClient<TApi>(this IServiceCollection services, Action<GrokClientOptions>? configure = null)
        where TApi : class
    {
        ArgumentNullException.ThrowIfNull(services);
        var name = ConfigurationSectionName + ":" + typeof(TApi).FullName;
        var builder = AddNamedClient(services, name, ConfigurationSectionName, configure, out var added);
        if (added)
        {
            builder.AddTypedClient((http, provider) => GrokClient.Create<TApi>(http, GetOptions(provider, name)));
        }

        return builder;
    }

    /// <summary>
    /// Registers an <see cref="IGrokClient"/> under <paramref name="serviceKey"/> (resolve it with
    /// <c>[FromKeyedServices(key)]</c> or <c>GetRequiredKeyedService&lt;IGrokClient&gt;(key)</c>), for several xAI
    /// accounts or settings in one app. Its options bind from the configuration section <c>Grok:&lt;serviceKey&gt;</c>
    /// when present (not from <c>Grok</c> itself), then <paramref name="configure"/> runs.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="serviceKey">The key; its invariant string form names the configuration section.</param>
    /// <param name="configure">Adjusts the options after the configuration section is applied.</param>
    /// <returns>The HTTP client builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddKeyedGrokClient(this IServiceCollection services, object serviceKey, Action<GrokClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(serviceKey);
        ArgumentNullException.ThrowIfNull(configure);
        var key = Convert.ToString(serviceKey, CultureInfo.InvariantCulture);
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("The service key's string form is empty; use a key such as \"work\", which also names the configuration section Grok:work.", nameof(serviceKey));
        }

        var name = ConfigurationSectionName + "[" + key + "]";
        var builder = AddNamedClient(services, name, ConfigurationSectionName + ":" + key, configure, out var added);
        if (added)
        {
            services.AddKeyedTransient<IGrokClient>(serviceKey, (provider, _) =>
                GrokClient.Create<IGrokClient>(provider.GetRequiredService<IHttpClientFactory>().CreateClient(name), GetOptions(provider, name)));
        }

        return builder;
    }

    /// <summary>
    /// Registers <see cref="IGrokClient"/> (as <see cref="AddGrokClient(IServiceCollection, Action{GrokClientOptions}?)"/>
    /// does) and, over it, an <see cref="IChatClient"/> (Microsoft.Extensions.AI); add middleware such as function
    /// invocation with the returned builder.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adjusts the options after the <c>Grok</c> configuration section is applied.</param>
    /// <param name="model">The model; <see cref="GrokClientOptions.DefaultModel"/> when null.</param>
    /// <param name="configureHttpClient">Adjusts the <see cref="IGrokClient"/>'s HTTP client (handlers, primary handler).</param>
    /// <returns>The chat client builder.</returns>
    public static ChatClientBuilder AddGrokChatClient(
        this IServiceCollection services,
        Action<GrokClientOptions>? configure = null,
        string? model = null,
        Action<IHttpClientBuilder>? configureHttpClient = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var http = services.AddGrokClient(configure);
        configureHttpClient?.Invoke(http);
        return services.AddChatClient(provider => provider.GetRequiredService<IGrokClient>().AsIChatClient(model));
    }

    /// <summary>
    /// Adds the named HTTP client and its options once; later calls for the same name only add their
    /// <paramref name="configure"/>, so the Grok handler is never added twice.
    /// </summary>
    private static IHttpClientBuilder AddNamedClient(
        IServiceCollection services,
        string name,
        string sectionPath,
        Action<GrokClientOptions>? configure,
        out bool added)
    {
        var options = services.AddOptions<GrokClientOptions>(name);
        var builder = services.AddHttpClient(name);
        added = !GrokClientRegistration.IsRegistered(services, name);
        if (added)
        {
            services.AddSingleton(new GrokClientRegistration(name));
            options.Configure<IServiceProvider>((o, provider) =>
            {
                o.LoggerFactory ??= provider.GetService<ILoggerFactory>();
                if (provider.GetService<IConfiguration>() is { } configuration)
                {
                    GrokClientOptionsSection.Apply(configuration.GetSection(sectionPath), o);
                }
            });
            services.AddSingleton<IOptionsChangeTokenSource<GrokClientOptions>>(provider =>
                new GrokConfigurationChangeTokenSource(name, provider.GetService<IConfiguration>()));
            services.AddSingleton<IValidateOptions<GrokClientOptions>>(new GrokClientOptionsValidator(name));
            options.ValidateOnStart();

            builder
                .ConfigureHttpClient((provider, http) =>
                {
                    http.BaseAddress = GrokClient.GetBaseAddress(GetOptions(provider, name));
                    http.Timeout = Timeout.InfiniteTimeSpan; // GrokClientOptions.Timeout bounds each attempt instead
                })
                .ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
                {
                    var current = GetOptions(provider, name);
                    if (current.UseBuiltInResilience)
                    {
                        handlers.Add(GrokClient.CreateDelegatingHandler(current));
                    }
                });
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder;
    }

    private static GrokClientOptions GetOptions(IServiceProvider provider, string name)
        => provider.GetRequiredService<IOptionsMonitor<GrokClientOptions>>().Get(name);
}
