using System;
using System.ComponentModel;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace Grok;

/// <summary>Creates clients for interfaces declared with <see cref="GrokEndpointAttribute"/>, including the ready <c>IGrokClient</c>.</summary>
public static class GrokClient
{
    /// <summary>Creates a client with its own <see cref="HttpClient"/>.</summary>
    /// <typeparam name="TApi">An interface with <see cref="GrokEndpointAttribute"/> methods.</typeparam>
    /// <param name="options">The key, base address and the rest.</param>
    /// <returns>The generated implementation.</returns>
    /// <exception cref="InvalidOperationException">No API key in <see cref="GrokClientOptions.ApiKey"/> nor <c>XAI_API_KEY</c>, or no generated implementation of <typeparamref name="TApi"/>.</exception>
    /// <exception cref="ArgumentException">The key has control or non-ASCII characters, or the base address is plain http to a host that is not loopback.</exception>
    public static TApi Create<TApi>(GrokClientOptions options)
        where TApi : class
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = ResolveApiKey(options.ApiKey);
        var baseAddress = NormalizeBaseAddress(options.BaseAddress);
        EnsureSafeTransport(baseAddress, nameof(options));
        var factory = GetFactory<TApi>();

        var handler = CreateHttpMessageHandler(options); // checks the reliability settings first
        var http = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan, // GrokClientOptions.Timeout bounds each attempt instead
        };
        var settings = GrokRefitSettings.Create(options.Snapshot(), key);
        settings.OwnedHttpClient = http; // disposing the client releases it
        return factory(http, settings);
    }

    /// <summary>Creates a client over the caller's <see cref="HttpClient"/>; its <see cref="HttpClient.BaseAddress"/> wins when set.</summary>
    /// <typeparam name="TApi">An interface with <see cref="GrokEndpointAttribute"/> methods.</typeparam>
    /// <param name="httpClient">The HTTP client; the caller keeps owning it.</param>
    /// <param name="options">The key and the rest; <see cref="GrokClientOptions.BaseAddress"/> is used when the client has none.</param>
    /// <returns>The generated implementation.</returns>
    /// <exception cref="InvalidOperationException">No API key in <see cref="GrokClientOptions.ApiKey"/> nor <c>XAI_API_KEY</c>, or no generated implementation of <typeparamref name="TApi"/>.</exception>
    /// <exception cref="ArgumentException">The key has control or non-ASCII characters, or the address is plain http to a host that is not loopback.</exception>
    public static TApi Create<TApi>(HttpClient httpClient, GrokClientOptions options)
        where TApi : class
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        GrokClientOptionsValidation.ThrowIfOutOfRange(options);
        var key = ResolveApiKey(options.ApiKey);
        var baseAddress = httpClient.BaseAddress ?? NormalizeBaseAddress(options.BaseAddress);
        EnsureSafeTransport(baseAddress, nameof(httpClient));
        var factory = GetFactory<TApi>();

        if (httpClient.BaseAddress is null)
        {
            try
            {
                httpClient.BaseAddress = baseAddress;
            }
            catch (InvalidOperationException ex)
            {
                throw new ArgumentException(
                    "The HttpClient has no BaseAddress and has already sent requests, so it cannot be given one; set its BaseAddress before its first request.",
                    nameof(httpClient),
                    ex);
            }
        }

        return factory(httpClient, CreateSettings(options, key));
    }

    /// <summary>
    /// Creates the handler chain <see cref="Create{TApi}(GrokClientOptions)"/> uses: retries with backoff and jitter
    /// (<see cref="GrokClientOptions.MaxRetries"/>, <c>Retry-After</c> honoured) and a per-attempt
    /// <see cref="GrokClientOptions.Timeout"/>. Put it in your own <see cref="HttpClient"/> to get the same behaviour
    /// (then set that client's <see cref="HttpClient.Timeout"/> to <see cref="Timeout.InfiniteTimeSpan"/>).
    /// </summary>
    /// <param name="options">The options.</param>
    /// <param name="innerHandler">The handler that sends; a pooled <see cref="SocketsHttpHandler"/> when null.</param>
    /// <returns>The handler.</returns>
    public static DelegatingHandler CreateHttpMessageHandler(GrokClientOptions options, HttpMessageHandler? innerHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        innerHandler ??= new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        return new Http.GrokResilienceHandler(options.Snapshot(), innerHandler);
    }

    /// <summary>
    /// Creates the retry and per-attempt timeout handler without an inner handler, for <c>IHttpClientFactory</c>
    /// pipelines (<c>AddHttpMessageHandler</c>), which supply it.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <returns>The handler.</returns>
    public static DelegatingHandler CreateDelegatingHandler(GrokClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Http.GrokResilienceHandler(options.Snapshot());
    }

    /// <summary>The base address with a trailing slash, as Refit and <see cref="HttpClient"/> expect it.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The normalized base address.</returns>
    /// <exception cref="ArgumentException">Plain http to a host that is not loopback, or not absolute.</exception>
    public static Uri GetBaseAddress(GrokClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseAddress = NormalizeBaseAddress(options.BaseAddress);
        EnsureSafeTransport(baseAddress, nameof(options));
        return baseAddress;
    }

    /// <summary>Creates the Refit settings a Grok client uses: the options' JSON, the key, and <see cref="GrokApiException"/> errors.</summary>
    /// <param name="options">The options.</param>
    /// <returns>New settings, also usable with Refit's <c>RestService.For&lt;T&gt;(httpClient, settings)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A reliability setting is out of range; the message names it.</exception>
    public static RefitSettings CreateSettings(GrokClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        GrokClientOptionsValidation.ThrowIfOutOfRange(options);
        return CreateSettings(options, ResolveApiKey(options.ApiKey));
    }

    /// <summary>Registers the generated implementation of <typeparamref name="TApi"/>; called by generated module initializers.</summary>
    /// <typeparam name="TApi">The interface.</typeparam>
    /// <param name="factory">Creates the implementation.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void RegisterGenerated<TApi>(Func<HttpClient, RefitSettings, TApi> factory)
        where TApi : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        Registration<TApi>.Factory = factory;
        RestService.RegisterGeneratedSettingsFactory(factory);
    }

    internal static RefitSettings CreateSettings(GrokClientOptions options, string key)
        => GrokRefitSettings.Create(options.Snapshot(), key);

    /// <summary>
    /// What a failed send surfaces as: the caller's cancellation unchanged, a timeout as <see cref="TimeoutException"/>,
    /// a connection failure as <see cref="HttpRequestException"/> naming the base address and the endpoint.
    /// </summary>
    internal static Exception MapTransportException(HttpRequestMessage request, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
            case TimeoutException:
                return exception;
            case OperationCanceledException canceled:
                return new TimeoutException($"{request.Method} {request.RequestUri} timed out (HttpClient.Timeout).", canceled);
            case HttpRequestException http:
                var uri = request.RequestUri;
                var baseAddress = uri is { IsAbsoluteUri: true } ? uri.GetLeftPart(UriPartial.Authority) : "(no base address)";
                return new HttpRequestException(
                    $"Could not reach the xAI API at {baseAddress} for {request.Method} {uri?.AbsolutePath ?? "?"}: {http.Message}",
                    http,
                    http.StatusCode);
            default:
                return exception;
        }
    }

    internal static string ResolveApiKey(string? apiKey)
    {
        var key = apiKey ?? Environment.GetEnvironmentVariable(GrokClientOptions.ApiKeyEnvironmentVariable);
        if (string.IsNullOrEmpty(key))
        {
            throw new InvalidOperationException(
                "No xAI API key: set GrokClientOptions.ApiKey or the XAI_API_KEY environment variable (keys are at https://console.x.ai).");
        }

        ValidateApiKey(key);
        return key;
    }

    internal static void ValidateApiKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new InvalidOperationException("The Authorization header value getter returned no API key.");
        }

        foreach (var c in key)
        {
            if (c is <= ' ' or > '~')
            {
                throw new ArgumentException(
                    "The xAI API key contains whitespace, a control character or a non-ASCII character (often a stray newline or a copy-paste artifact); check GrokClientOptions.ApiKey or XAI_API_KEY.");
            }
        }
    }

    internal static void EnsureSafeTransport(Uri baseAddress, string parameterName)
    {
        if (!baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException($"The base address must be absolute, such as {GrokClientOptions.DefaultBaseAddress}.", parameterName);
        }

        if (baseAddress.Scheme == Uri.UriSchemeHttps)
        {
            return;
        }

        if (baseAddress.Scheme == Uri.UriSchemeHttp && baseAddress.IsLoopback)
        {
            return;
        }

        throw new ArgumentException(
            $"The base address {baseAddress.GetLeftPart(UriPartial.Authority)} is not https: the API key would travel in clear text. Use https, or http only to a loopback host (127.0.0.1, localhost).",
            parameterName);
    }

    private static Uri NormalizeBaseAddress(Uri? baseAddress)
    {
        if (baseAddress is null)
        {
            throw new ArgumentException("GrokClientOptions.BaseAddress is null; leave it at its default https://api.x.ai/v1/ or set an absolute address.", "options");
        }

        return !baseAddress.IsAbsoluteUri || baseAddress.AbsolutePath.EndsWith('/')
            ? baseAddress
            : new Uri(baseAddress.AbsoluteUri + "/");
    }

    private static Func<HttpClient, RefitSettings, TApi> GetFactory<TApi>()
        where TApi : class
    {
        if (Registration<TApi>.Factory is { } factory)
        {
            return factory;
        }

        // The generated module initializer runs when its assembly's code first runs; make sure it has.
        RuntimeHelpers.RunModuleConstructor(typeof(TApi).Module.ModuleHandle);
        return Registration<TApi>.Factory ?? throw new InvalidOperationException(
            $"No generated Grok client for {typeof(TApi).FullName}. Declare it as an interface whose methods carry [GrokEndpoint] in a project that references the Grok package (which brings the generator), and fix any GROK diagnostics.");
    }

    private static class Registration<TApi>
    {
        public static Func<HttpClient, RefitSettings, TApi>? Factory;
    }

    internal sealed class StaticApiKey(string value)
    {
        public string Value { get; } = value;

        public ValueTask<string> GetAsync(HttpRequestMessage request, CancellationToken cancellationToken) => new(Value);

        public override string ToString() => "(redacted API key)";
    }
}
