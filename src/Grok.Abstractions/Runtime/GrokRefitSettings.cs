using System.Threading.Tasks;
using Refit;

namespace Grok;

/// <summary>
/// The Refit settings of a Grok client: Refit's own, plus the <see cref="GrokClientOptions"/> the client was created
/// with and Grok's exception factories. Settings a caller made are copied into one of these, never changed.
/// </summary>
internal sealed class GrokRefitSettings : RefitSettings
{
    private static readonly GrokClientOptions s_defaultOptions = new();

    private GrokRefitSettings(IHttpContentSerializer contentSerializer, GrokClientOptions options)
        : base(contentSerializer)
    {
        Options = options;
    }

    /// <summary>Gets the options snapshot the client runs with (the defaults for settings made outside Grok).</summary>
    public GrokClientOptions Options { get; }

    /// <summary>Gets or sets the <see cref="System.Net.Http.HttpClient"/> <c>GrokClient.Create(options)</c> made for the client, which disposing the client releases; null otherwise.</summary>
    public System.Net.Http.HttpClient? OwnedHttpClient { get; set; }

    /// <summary>Settings for <see cref="GrokClient.Create{TApi}(GrokClientOptions)"/>: the options' JSON and key.</summary>
    public static GrokRefitSettings Create(GrokClientOptions options, string apiKey)
    {
        var settings = new GrokRefitSettings(new SystemTextJsonContentSerializer(options.JsonSerializerOptions ?? GrokJson.DefaultOptions), options)
        {
            AuthorizationHeaderValueGetter = new GrokClient.StaticApiKey(apiKey).GetAsync,
        };
        settings.UseGrokExceptions(custom: null);
        return settings;
    }

    /// <summary>
    /// The settings a generated client uses for <paramref name="settings"/>: the same object when Grok made it, else a
    /// copy (the caller's object stays as it was) whose default exception factories produce Grok's exceptions.
    /// </summary>
    public static GrokRefitSettings From(RefitSettings settings)
    {
        if (settings is GrokRefitSettings grok)
        {
            return grok;
        }

        var copy = new GrokRefitSettings(settings.ContentSerializer, s_defaultOptions)
        {
            UrlParameterFormatter = settings.UrlParameterFormatter,
            UrlParameterKeyFormatter = settings.UrlParameterKeyFormatter,
            FormUrlEncodedParameterFormatter = settings.FormUrlEncodedParameterFormatter,
            HonorContentSerializerPropertyNamesInQuery = settings.HonorContentSerializerPropertyNamesInQuery,
            CollectionFormat = settings.CollectionFormat,
            AllowUnmatchedRouteParameters = settings.AllowUnmatchedRouteParameters,
            UrlResolution = settings.UrlResolution,
            Buffered = settings.Buffered,
            RequestBodySerialization = settings.RequestBodySerialization,
            RequestCompression = settings.RequestCompression,
            RequestCompressionLevel = settings.RequestCompressionLevel,
            RequestCompressionOptions = settings.RequestCompressionOptions,
            AuthorizationHeaderValueGetter = settings.AuthorizationHeaderValueGetter,
            HttpMessageHandlerFactory = settings.HttpMessageHandlerFactory,
            CaptureMethodArguments = settings.CaptureMethodArguments,
            CaptureRequestContent = settings.CaptureRequestContent,
            MaxExceptionContentLength = settings.MaxExceptionContentLength,
            ExceptionRedactor = settings.ExceptionRedactor,
            ValidateHeaders = settings.ValidateHeaders,
            HttpRequestMessageOptions = settings.HttpRequestMessageOptions,
            Version = settings.Version,
            VersionPolicy = settings.VersionPolicy,
        };
        foreach (var formatter in settings.UrlParameterFormatterMap)
        {
            copy.UrlParameterFormatterMap[formatter.Key] = formatter.Value;
        }

        copy.UseGrokExceptions(settings);
        return copy;
    }

    /// <summary>Grok's exception factories, except where <paramref name="custom"/> has factories of the caller's own.</summary>
    private void UseGrokExceptions(RefitSettings? custom)
    {
        ExceptionFactory = custom?.ExceptionFactory is { Target: not DefaultApiExceptionFactory } callerFactory
            ? callerFactory
            : response => response.IsSuccessStatusCode ? default : CreateErrorAsync(response, this);

        TransportExceptionFactory = custom?.TransportExceptionFactory is { } transport && transport.Method.DeclaringType?.Assembly != typeof(RefitSettings).Assembly
            ? transport
            : GrokClient.MapTransportException;

        DeserializationExceptionFactory = custom?.DeserializationExceptionFactory ?? (async (response, exception) =>
            await GrokApiException.CreateAsync(
                response,
                this,
                string.Equals(response.Content.Headers.ContentType?.MediaType, "text/event-stream", System.StringComparison.OrdinalIgnoreCase)
                    ? "The answer is a server-sent-event stream: declare the method with [GrokEndpoint(..., Stream = true)] returning IAsyncEnumerable<T>."
                    : $"The body could not be read as the method's return type: {exception.Message}",
                exception).ConfigureAwait(false));
    }

    // Asynchronous only for an error: a 2xx gets its null without an async frame.
    private static async ValueTask<System.Exception?> CreateErrorAsync(System.Net.Http.HttpResponseMessage response, RefitSettings settings)
        => await GrokApiException.CreateAsync(response, settings).ConfigureAwait(false);
}
