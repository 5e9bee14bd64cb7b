using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Grok.Streaming;
using Refit;

namespace Grok;

/// <summary>
/// The base of every client the Grok generator emits: holds the <see cref="HttpClient"/> and the Refit settings,
/// builds requests, adds <c>Authorization: Bearer</c>, and sends through Refit's <see cref="GeneratedRequestRunner"/>
/// (this file: construction and request building; <c>.Sending.cs</c>: plain calls; <c>.Streaming.cs</c>: event
/// streams). Not meant to be used directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract partial class GrokGeneratedClient : IGrokRawClient, IDisposable
{
    private const string EventStreamMediaType = "text/event-stream";
    private readonly string? _authorization;
    private readonly Func<HttpRequestMessage, CancellationToken, ValueTask<string>>? _authorizationGetter;
    private readonly GrokClientOptions _options;
    private readonly bool _ownsClient;
    private int _disposed;

    /// <summary>Initializes the client.</summary>
    /// <param name="client">The HTTP client; its <see cref="HttpClient.BaseAddress"/> is where requests go.</param>
    /// <param name="settings">
    /// Refit settings. The key comes from <see cref="RefitSettings.AuthorizationHeaderValueGetter"/> when set, else from an
    /// <c>Authorization</c> header already on <paramref name="client"/>, else from <c>XAI_API_KEY</c>. Settings made
    /// outside Grok are copied (never changed), with Refit's default exception factories replaced by ones that produce
    /// <see cref="GrokApiException"/>.
    /// </param>
    protected GrokGeneratedClient(HttpClient client, RefitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        if (client.BaseAddress is null)
        {
            throw new ArgumentException("The HttpClient needs a BaseAddress, such as https://api.x.ai/v1/.", nameof(client));
        }

        GrokClient.EnsureSafeTransport(client.BaseAddress, nameof(client));
        Client = client;
        var grokSettings = GrokRefitSettings.From(settings);
        Settings = grokSettings;
        _options = grokSettings.Options;
        _ownsClient = ReferenceEquals(grokSettings.OwnedHttpClient, client);

        if (grokSettings.AuthorizationHeaderValueGetter is { } getter)
        {
            if (getter.Target is GrokClient.StaticApiKey staticKey)
            {
                _authorization = "Bearer " + staticKey.Value;
            }
            else
            {
                _authorizationGetter = getter;
            }
        }
        else if (client.DefaultRequestHeaders.Authorization is null)
        {
            _authorization = "Bearer " + GrokClient.ResolveApiKey(null);
        }
    }

    /// <summary>
    /// Releases the <see cref="HttpClient"/> when <c>GrokClient.Create(options)</c> made it for this client; a caller's or
    /// an <c>IHttpClientFactory</c>'s <see cref="HttpClient"/> is left alone. Create clients once and reuse them.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsClient)
        {
            Client.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Gets the HTTP client requests are sent with.</summary>
    protected HttpClient Client { get; }

    /// <summary>Gets the Refit settings requests are built and read with.</summary>
    protected RefitSettings Settings { get; }

    /// <inheritdoc />
    Uri IGrokRawClient.BaseAddress => Client.BaseAddress!;

    /// <summary>Creates a request for a path relative to the client's base address (a leading <c>/</c> stays under its path).</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativePath">The path with placeholders filled in and the query string appended.</param>
    /// <returns>The request.</returns>
    protected HttpRequestMessage CreateRequest(HttpMethod method, string relativePath)
        => new(method, GeneratedRequestRunner.BuildRelativeUri(Client, relativePath, UrlResolutionMode.RefitLegacy));

    /// <summary>Serializes a JSON body with Refit's body rules (<see cref="GeneratedRequestRunner.CreateBodyContent{TBody}(RefitSettings, TBody, BodySerializationMethod, bool)"/>), after <see cref="PrepareBody{TBody}"/>.</summary>
    /// <typeparam name="TBody">The declared body type.</typeparam>
    /// <param name="body">The caller's body.</param>
    /// <returns>JSON content.</returns>
    protected HttpContent CreateJsonBody<TBody>(TBody body)
        => GeneratedRequestRunner.CreateBodyContent(Settings, PrepareBody(body), BodySerializationMethod.Default, false);

    /// <summary>Serializes a streaming endpoint's body with <c>"stream": true</c>, after <see cref="PrepareBody{TBody}"/>; <paramref name="body"/> is not changed.</summary>
    /// <typeparam name="TBody">The declared body type.</typeparam>
    /// <param name="body">The caller's body.</param>
    /// <returns>JSON content.</returns>
    protected HttpContent CreateStreamingBody<TBody>(TBody body)
    {
        var typeInfo = (JsonTypeInfo<TBody>)GetJsonOptions().GetTypeInfo(typeof(TBody));
        var prepared = PrepareBody(body);
        return new PreparedBodyContent(StreamingRequestBody.SetStreamTrue(JsonSerializer.SerializeToUtf8Bytes(prepared, typeInfo)), prepared);
    }

    /// <summary>URL-escapes the value of a path placeholder (<c>a/b</c> becomes <c>a%2Fb</c>).</summary>
    /// <param name="value">The formatted value.</param>
    /// <param name="parameterName">The parameter it came from, named in the error when it is null or empty.</param>
    /// <returns>The escaped value.</returns>
    /// <exception cref="ArgumentException">The value is null or empty, or <c>.</c> or <c>..</c> (which would leave the base address's path).</exception>
    protected static string EscapePathValue(string? value, string parameterName)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"The path parameter '{parameterName}' is null or empty; it fills a segment of the URL.", parameterName);
        }

        if (IsDotSegment(value))
        {
            throw new ArgumentException(
                $"The path parameter '{parameterName}' is '{value}', which would leave the endpoint's path (a request never leaves the base address); pass a real id.",
                parameterName);
        }

        return Uri.EscapeDataString(value);
    }

    /// <summary>Whether a path segment is <c>.</c> or <c>..</c>, which URI resolution removes with what precedes it.</summary>
    private static bool IsDotSegment(string segment) => segment is "." or "..";

    /// <summary>Formats a boolean for a query string or header: <c>true</c>/<c>false</c> in lower case, null for null.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, or null.</returns>
    protected static string? FormatBoolean(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    /// <summary>Asks for server-sent events (<c>Accept: text/event-stream</c>).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The same request.</returns>
    protected static HttpRequestMessage AcceptEventStream(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(EventStreamMediaType));
        return request;
    }

    /// <summary>
    /// Checks a body that is an <see cref="IGrokRequest"/> against xAI's limits (unless <see cref="GrokClientOptions.ValidateRequests"/>
    /// is off) and, when it names no model, returns a copy
    /// naming <see cref="GrokClientOptions.DefaultModel"/>; the caller's object is never changed.
    /// </summary>
    private TBody PrepareBody<TBody>(TBody body)
    {
        if (body is not IGrokRequest request)
        {
            return body;
        }

        if (_options.ValidateRequests)
        {
            request.Validate();
        }

        return request.Model is null && _options.DefaultModel is { } model ? (TBody)request.WithDefaultModel(model) : body;
    }

    private JsonSerializerOptions GetJsonOptions()
    {
        if (Settings.ContentSerializer is not SystemTextJsonContentSerializer json)
        {
            throw new NotSupportedException(
                "Streaming endpoints read and write JSON with System.Text.Json: use a SystemTextJsonContentSerializer in RefitSettings.ContentSerializer.");
        }

        var options = json.SerializerOptions;
        if (options.TypeInfoResolver is null)
        {
            PopulateReflectionResolver(options);
        }

        return options;
    }

    // Refit's default options carry no resolver and rely on reflection being filled in on first use; do that here.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only options without any resolver get one, and only when reflection is enabled (as Refit itself would).")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only options without any resolver get one, and only when reflection is enabled (as Refit itself would).")]
    private static void PopulateReflectionResolver(JsonSerializerOptions options)
    {
        if (JsonSerializer.IsReflectionEnabledByDefault)
        {
            options.MakeReadOnly(populateMissingResolver: true);
        }
    }

    private void Authorize(HttpRequestMessage request)
    {
        // One id per call, the same on each retry (the handler resends this very request).
        if (!request.Headers.NonValidated.Contains(Http.GrokResilienceHandler.ClientRequestIdHeader))
        {
            request.Headers.TryAddWithoutValidation(Http.GrokResilienceHandler.ClientRequestIdHeader, Http.ClientRequestId.Next());
        }

        if (_authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }
    }

    // Synchronous for a key given up front (the common case): no async frame per call, less to compile on the first.
    private ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Authorize(request); // with a key getter, only the client request id: _authorization is null then
        return _authorizationGetter is null ? default : AuthorizeFromGetterAsync(request, cancellationToken);
    }

    private async ValueTask AuthorizeFromGetterAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = await _authorizationGetter!(request, cancellationToken).ConfigureAwait(false);
        GrokClient.ValidateApiKey(key);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }
}
