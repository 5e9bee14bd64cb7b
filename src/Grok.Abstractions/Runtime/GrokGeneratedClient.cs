using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Grok.Streaming;
using Polly;
using Polly.Retry;
using Refit;

namespace Grok;

/// <summary>
/// The base of every client the Grok generator emits: holds the <see cref="HttpClient"/> and <see cref="RefitSettings"/>,
/// adds <c>Authorization: Bearer</c>, and sends through Refit's <see cref="GeneratedRequestRunner"/>.
/// Not meant to be used directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GrokGeneratedClient : IGrokRawClient
{
    private const string EventStreamMediaType = "text/event-stream";
    private readonly string? _authorization;
    private readonly Func<HttpRequestMessage, CancellationToken, ValueTask<string>>? _authorizationGetter;
    private readonly string? _defaultModel;
    private readonly GrokClientOptions _options;
    private readonly ResiliencePipeline _streamOpening;
    private readonly Microsoft.Extensions.Logging.ILogger? _logger;

    /// <summary>Initializes the client.</summary>
    /// <param name="client">The HTTP client; its <see cref="HttpClient.BaseAddress"/> is where requests go.</param>
    /// <param name="settings">
    /// Refit settings. The key comes from <see cref="RefitSettings.AuthorizationHeaderValueGetter"/> when set, else from an
    /// <c>Authorization</c> header already on <paramref name="client"/>, else from <c>XAI_API_KEY</c>. Refit's default
    /// exception factories are replaced by ones that produce <see cref="GrokApiException"/>.
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
        Settings = GrokClient.UseGrokExceptions(settings);
        _options = GrokClient.GetOptions(settings);
        _defaultModel = _options.DefaultModel;
        _logger = _options.LoggerFactory?.CreateLogger(GrokDiagnostics.HttpLogCategory);
        _streamOpening = _options.MaxRetries > 0
            ? new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = _options.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = Http.GrokRetryPolicy.BaseDelay,
                    MaxDelay = Http.GrokRetryPolicy.MaxDelay,
                    ShouldHandle = new PredicateBuilder().Handle<RetriableStreamException>(),
                })
                .Build()
            : ResiliencePipeline.Empty;

        if (settings.AuthorizationHeaderValueGetter is { } getter)
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

    /// <summary>Gets the HTTP client requests are sent with.</summary>
    protected HttpClient Client { get; }

    /// <summary>Gets the Refit settings requests are built and read with.</summary>
    protected RefitSettings Settings { get; }

    /// <summary>Creates a request for a path relative to the client's base address (a leading <c>/</c> stays under its path).</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativePath">The path with placeholders filled in and the query string appended.</param>
    /// <returns>The request.</returns>
    protected HttpRequestMessage CreateRequest(HttpMethod method, string relativePath)
        => new(method, GeneratedRequestRunner.BuildRelativeUri(Client, relativePath, UrlResolutionMode.RefitLegacy));

    /// <summary>
    /// Checks a body that is an <see cref="IGrokRequest"/> against xAI's limits and, when it names no model, returns a copy
    /// naming <see cref="GrokClientOptions.DefaultModel"/>; the caller's object is never changed.
    /// </summary>
    /// <typeparam name="TBody">The declared body type.</typeparam>
    /// <param name="body">The caller's body.</param>
    /// <returns>The body to send.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented limit; the message names the field.</exception>
    protected TBody PrepareBody<TBody>(TBody body)
    {
        if (body is not IGrokRequest request)
        {
            return body;
        }

        request.Validate();
        return request.Model is null && _defaultModel is not null ? (TBody)request.WithDefaultModel(_defaultModel) : body;
    }

    /// <summary>Serializes a streaming endpoint's body with <c>"stream": true</c>, without changing <paramref name="body"/>.</summary>
    /// <typeparam name="TBody">The declared body type.</typeparam>
    /// <param name="body">The caller's body.</param>
    /// <returns>JSON content.</returns>
    protected HttpContent CreateStreamingBody<TBody>(TBody body)
    {
        var typeInfo = (JsonTypeInfo<TBody>)GetJsonOptions().GetTypeInfo(typeof(TBody));
        return StreamingRequestBody.ToContent(StreamingRequestBody.SetStreamTrue(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo)));
    }

    /// <summary>URL-escapes the value of a path placeholder (<c>a/b</c> becomes <c>a%2Fb</c>).</summary>
    /// <param name="value">The formatted value.</param>
    /// <param name="parameterName">The parameter it came from, named in the error when it is null or empty.</param>
    /// <returns>The escaped value.</returns>
    protected static string EscapePathValue(string? value, string parameterName)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"The path parameter '{parameterName}' is null or empty; it fills a segment of the URL.", parameterName);
        }

        return Uri.EscapeDataString(value);
    }

    /// <summary>Asks for server-sent events.</summary>
    /// <param name="request">The request.</param>
    protected static void AcceptEventStream(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(EventStreamMediaType));
    }

    /// <summary>Authorizes and sends a request through Refit's <see cref="GeneratedRequestRunner"/>, deserializing the answer.</summary>
    /// <typeparam name="T">The declared result type.</typeparam>
    /// <typeparam name="TBody">The body type inside an <see cref="ApiResponse{T}"/>, else <typeparamref name="T"/>.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="isApiResponse">Whether <typeparamref name="T"/> is <see cref="ApiResponse{T}"/>.</param>
    /// <param name="disposeResponse">Whether the response is disposed once read (false for streams and raw responses).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    protected Task<T> SendAsync<T, TBody>(HttpRequestMessage request, bool isApiResponse, bool disposeResponse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_authorizationGetter is null && !GrokDiagnostics.ActivitySource.HasListeners())
        {
            Authorize(request);
            return GeneratedRequestRunner.SendAsync<T, TBody>(Client, request, Settings, isApiResponse, disposeResponse, false, cancellationToken)!;
        }

        return AuthorizeThenSendAsync(request, isApiResponse, disposeResponse, cancellationToken);

        async Task<T> AuthorizeThenSendAsync(HttpRequestMessage request, bool isApiResponse, bool disposeResponse, CancellationToken cancellationToken)
        {
            using var activity = StartActivity(request);
            try
            {
                await AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);
                return (await GeneratedRequestRunner.SendAsync<T, TBody>(Client, request, Settings, isApiResponse, disposeResponse, false, cancellationToken).ConfigureAwait(false))!;
            }
            catch (Exception ex) when (activity is not null)
            {
                RecordError(activity, ex);
                throw;
            }
        }
    }

    /// <summary>Authorizes and sends a request whose answer has no body to read.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call.</returns>
    protected async Task SendVoidAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = StartActivity(request);
        try
        {
            await AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);
            await GeneratedRequestRunner.SendVoidAsync(Client, request, Settings, false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (activity is not null)
        {
            RecordError(activity, ex);
            throw;
        }
    }

    /// <summary>
    /// Sends a streaming request and yields each server-sent event's <c>data</c> deserialized to <typeparamref name="T"/>
    /// (or, for <see cref="string"/>, its raw text) as it arrives, until <c>data: [DONE]</c>.
    /// </summary>
    /// <typeparam name="T">The chunk type.</typeparam>
    /// <param name="createRequest">Builds a fresh request for each enumeration.</param>
    /// <param name="cancellationToken">Cancels the call and the reading of the stream.</param>
    /// <returns>The chunks.</returns>
    /// <exception cref="GrokApiException">The answer is not a 2xx event stream (from the first <c>MoveNextAsync</c>).</exception>
    /// <exception cref="GrokStreamException">The stream ended or broke before <c>data: [DONE]</c>.</exception>
    protected async IAsyncEnumerable<T> StreamAsync<T>(
        Func<HttpRequestMessage> createRequest,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(createRequest);
        var parse = CreateEventParser<T>();

        // The activity spans the whole reading; it is not left as Activity.Current in the caller's context between chunks.
        var previous = Activity.Current;
        using var activity = GrokDiagnostics.ActivitySource.StartActivity("Grok stream", ActivityKind.Client);
        Activity.Current = previous;
        EventStream<T>? stream = null;
        try
        {
            stream = await OpenEventStreamAsync(createRequest, parse, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (activity is not null)
        {
            RecordError(activity, ex);
            throw;
        }

        await using (stream)
        {
            while (true)
            {
                StreamEvent<T> item;
                try
                {
                    item = await stream.NextAsync().ConfigureAwait(false);
                    if (item.Kind == EventKind.End)
                    {
                        throw new GrokStreamException(
                            $"The stream ended after {stream.Received} events without data: [DONE]; the answer is incomplete.",
                            stream.Received);
                    }
                }
                catch (Exception ex) when (activity is not null)
                {
                    activity.SetTag("grok.stream.events", stream.Received);
                    RecordError(activity, ex);
                    throw;
                }

                if (item.Kind == EventKind.Done)
                {
                    activity?.SetTag("grok.stream.events", stream.Received);
                    yield break;
                }

                yield return item.Value!;
            }
        }
    }

    /// <summary>
    /// Sends a streaming request and reads up to its first chunk. A stream that breaks, ends or stalls before that chunk
    /// is retried (<see cref="GrokClientOptions.MaxRetries"/>); once a chunk has reached the caller it never is.
    /// </summary>
    private async Task<EventStream<T>> OpenEventStreamAsync<T>(Func<HttpRequestMessage> createRequest, SseItemParser<StreamEvent<T>> parse, Activity? activity, CancellationToken cancellationToken)
    {
        try
        {
            return await _streamOpening.ExecuteAsync(
                static async (state, token) => await state.Client.OpenEventStreamOnceAsync(state.CreateRequest, state.Parse, state.Activity, token).ConfigureAwait(false),
                (Client: this, CreateRequest: createRequest, Parse: parse, Activity: activity),
                cancellationToken).ConfigureAwait(false);
        }
        catch (RetriableStreamException ex)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException!);
            throw;
        }
    }

    private async Task<EventStream<T>> OpenEventStreamOnceAsync<T>(Func<HttpRequestMessage> createRequest, SseItemParser<StreamEvent<T>> parse, Activity? activity, CancellationToken cancellationToken)
    {
        var request = createRequest();
        HttpResponseMessage? response = null;
        if (activity is not null)
        {
            Describe(activity, request);
        }

        try
        {
            AcceptEventStream(request);
            await AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or TimeoutException)
            {
                var mapped = Settings.TransportExceptionFactory?.Invoke(request, ex, cancellationToken) ?? ex;
                if (ReferenceEquals(mapped, ex))
                {
                    throw;
                }

                throw mapped;
            }

            await EnsureEventStreamAsync(response, cancellationToken).ConfigureAwait(false);
            try
            {
                return await EventStream<T>.OpenAsync(request, response, parse, _options.StreamIdleTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is GrokStreamException { InnerException: not JsonException } or TimeoutException)
            {
                if (_logger is not null)
                {
                    Http.GrokLog.StreamFailedBeforeFirstEvent(_logger, request.RequestUri?.OriginalString, _options.MaxRetries, ex.Message);
                }

                throw new RetriableStreamException(ex);
            }
        }
        catch
        {
            response?.Dispose();
            request.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    Uri IGrokRawClient.BaseAddress => Client.BaseAddress!;

    /// <inheritdoc />
    async Task<JsonNode?> IGrokRawClient.SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var request = CreateRequest(method, "/" + path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = StreamingRequestBody.ToContent(JsonSerializer.SerializeToUtf8Bytes(body, GrokJsonContext.Default.JsonNode));
        }

        using var response = await SendAsync<HttpResponseMessage, HttpResponseMessage>(request, false, false, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await GrokApiException.CreateAsync(response, Settings, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw await GrokApiException.CreateAsync(response, Settings, $"The body is not JSON: {ex.Message}", ex, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask EnsureEventStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var error = await Settings.ExceptionFactory(response).ConfigureAwait(false);
            throw error ?? await GrokApiException.CreateAsync(response, Settings, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !string.Equals(mediaType, EventStreamMediaType, StringComparison.OrdinalIgnoreCase))
        {
            throw await GrokApiException.CreateAsync(
                response,
                Settings,
                $"A streaming endpoint expects {EventStreamMediaType} but the answer is {mediaType}.",
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private SseItemParser<StreamEvent<T>> CreateEventParser<T>()
    {
        if (typeof(T) == typeof(string))
        {
            return static (_, data) => Classify(data) is var kind && kind == EventKind.Value
                ? new StreamEvent<T>(kind, (T)(object)Encoding.UTF8.GetString(data))
                : new StreamEvent<T>(kind, default);
        }

        var typeInfo = (JsonTypeInfo<T>)GetJsonOptions().GetTypeInfo(typeof(T));
        return (_, data) =>
        {
            var kind = Classify(data);
            if (kind != EventKind.Value)
            {
                return new StreamEvent<T>(kind, default);
            }

            ThrowIfErrorEvent(data);
            return new StreamEvent<T>(kind, JsonSerializer.Deserialize(data, typeInfo));
        };
    }

    /// <summary>An event in xAI's or OpenAI's error shape (first member <c>error</c> or <c>code</c>) ends the stream as broken.</summary>
    private static void ThrowIfErrorEvent(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName
            || !(reader.ValueTextEquals("error"u8) || reader.ValueTextEquals("code"u8)))
        {
            return;
        }

        var text = Encoding.UTF8.GetString(data);
        var (code, message) = GrokApiException.ParseErrorBody(text);
        throw new ErrorEventException($"the server sent an error event: {message ?? code ?? text}");
    }

    private static EventKind Classify(ReadOnlySpan<byte> data)
    {
        data = data.Trim(" \t\r\n"u8);
        if (data.IsEmpty)
        {
            return EventKind.Skip;
        }

        return data.SequenceEqual("[DONE]"u8) ? EventKind.Done : EventKind.Value;
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

    private Activity? StartActivity(HttpRequestMessage request)
    {
        var activity = GrokDiagnostics.ActivitySource.StartActivity("Grok call", ActivityKind.Client);
        if (activity is not null)
        {
            Describe(activity, request);
        }

        return activity;
    }

    private void Describe(Activity activity, HttpRequestMessage request)
    {
        var path = request.RequestUri?.OriginalString;
        activity.DisplayName = $"{request.Method} {path}";
        activity.SetTag("gen_ai.provider.name", "xai");
        activity.SetTag("http.request.method", request.Method.Method);
        activity.SetTag("url.path", path);
        activity.SetTag("server.address", Client.BaseAddress?.Host);
        activity.SetTag("server.port", Client.BaseAddress?.Port);
    }

    private static void RecordError(Activity activity, Exception exception)
    {
        if (exception is ApiException api)
        {
            activity.SetTag("http.response.status_code", (int)api.StatusCode);
        }

        activity.SetTag("error.type", exception is ApiException error ? ((int)error.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : exception.GetType().FullName);
        activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
    }

    private void Authorize(HttpRequestMessage request)
    {
        if (_authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }
    }

    private async ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_authorizationGetter is null)
        {
            Authorize(request);
            return;
        }

        var key = await _authorizationGetter(request, cancellationToken).ConfigureAwait(false);
        GrokClient.ValidateApiKey(key);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    /// <summary>Marks a stream failure before its first chunk, which is safe to retry.</summary>
    private sealed class RetriableStreamException(Exception inner) : Exception(inner.Message, inner);
}
