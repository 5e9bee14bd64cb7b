using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Grok.Streaming;
using Refit;

namespace Grok;

// Plain calls: authorize, send through Refit's GeneratedRequestRunner, read the answer the way the method declares.
public abstract partial class GrokGeneratedClient
{
    /// <summary>Sends a request and deserializes a 2xx answer to <typeparamref name="T"/>; a non-2xx throws <see cref="GrokApiException"/>.</summary>
    /// <typeparam name="T">The declared result type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="GrokApiException">
    /// A non-2xx answer, or a 2xx whose body is empty, <c>null</c> or not readable as <typeparamref name="T"/> (the
    /// answer is unusable).
    /// </exception>
    protected Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
        => typeof(T) == typeof(string)
            ? RunAsync<T, T>(request, isApiResponse: false, disposeResponse: true, cancellationToken)
            : SendForResultAsync<T>(request, pendingIsNull: false, cancellationToken);

    /// <summary>
    /// Like <see cref="SendAsync{T}"/> for a result declared nullable: an empty 202 or 204 (a pending result, such as a
    /// deferred completion not ready yet) gives <see langword="null"/>.
    /// </summary>
    /// <typeparam name="T">The declared (nullable) result type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result, or null while pending.</returns>
    protected Task<T> SendForOptionalAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
        => typeof(T) == typeof(string)
            ? RunAsync<T, T>(request, isApiResponse: false, disposeResponse: true, cancellationToken)
            : SendForResultAsync<T>(request, pendingIsNull: true, cancellationToken);

    /// <summary>Sends a request and wraps the answer in Refit's <see cref="ApiResponse{T}"/>: a non-2xx does not throw, its <see cref="ApiResponse{T}.Error"/> is set.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response.</returns>
    protected Task<ApiResponse<T>> SendForApiResponseAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
        => RunAsync<ApiResponse<T>, T>(request, isApiResponse: true, disposeResponse: true, cancellationToken);

    /// <summary>Sends a request and hands over the response as it is: no status check, the caller disposes it.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response.</returns>
    protected Task<HttpResponseMessage> SendForResponseAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => RunAsync<HttpResponseMessage, HttpResponseMessage>(CallerReadsBody(request), isApiResponse: false, disposeResponse: false, cancellationToken);

    /// <summary>Sends a request and hands over the 2xx body as a stream, read as it arrives; a non-2xx throws <see cref="GrokApiException"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body.</returns>
    protected Task<Stream> SendForStreamAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => RunAsync<Stream, Stream>(CallerReadsBody(request), isApiResponse: false, disposeResponse: false, cancellationToken);

    /// <summary>Sends a request whose answer has no body to read; a non-2xx throws <see cref="GrokApiException"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call.</returns>
    protected async Task SendVoidAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = GrokTelemetry.StartCall(request, Client);
        try
        {
            await AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);
            await GeneratedRequestRunner.SendVoidAsync(Client, request, Settings, false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (activity is not null)
        {
            GrokTelemetry.RecordError(activity, ex);
            throw;
        }
    }

    /// <summary>
    /// The typed-result path: send, check the status, deserialize under the caller's token (and, with the Grok handler,
    /// under <see cref="GrokClientOptions.Timeout"/>), and refuse an unusable 2xx as <see cref="GrokApiException"/>.
    /// </summary>
    private async Task<T> SendForResultAsync<T>(HttpRequestMessage request, bool pendingIsNull, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = GrokTelemetry.IsEnabled ? GrokTelemetry.StartCall(request, Client) : null;
        try
        {
            await AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);
            HttpResponseMessage response;
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

            using (response)
            {
                // The exception factory takes no token: the caller's token still ends the wait for the error body.
                var checking = Settings.ExceptionFactory(response);
                var error = checking.IsCompletedSuccessfully ? checking.Result : await checking.AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
                if (error is not null)
                {
                    throw error;
                }

                if (pendingIsNull && (int)response.StatusCode is 202 or 204 && response.Content.Headers.ContentLength is null or 0)
                {
                    var pending = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                    if (pending.Length == 0)
                    {
                        return default!; // a pending result (deferred completions, videos): documented to return null
                    }
                }

                T? result;
                try
                {
                    result = await Settings.ContentSerializer.FromHttpContentAsync<T>(response.Content, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is JsonException or System.IO.InvalidDataException or NotSupportedException or ArgumentException
                    || (ex is System.IO.IOException or HttpRequestException && !cancellationToken.IsCancellationRequested))
                {
                    // Not JSON, the wrong shape, a corrupt compressed body, a member out of range for its type, or a body
                    // cut by a dropped connection: the 2xx arrived but its answer is unusable.
                    throw (Settings.DeserializationExceptionFactory is { } factory ? await factory(response, ex).ConfigureAwait(false) : null)
                        ?? await GrokApiException.CreateAsync(response, Settings, $"The body could not be read as the method's return type: {ex.Message}", ex, cancellationToken).ConfigureAwait(false);
                }

                if (result is null)
                {
                    throw await GrokApiException.CreateAsync(
                        response,
                        Settings,
                        $"The body is empty or JSON null where a {typeof(T).Name} was expected; the answer is unusable.",
                        cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                GrokTelemetry.RecordResult(activity, result);
                return result;
            }
        }
        catch (Exception ex) when (activity is not null)
        {
            GrokTelemetry.RecordError(activity, ex);
            throw;
        }
    }

    /// <summary>Tells the Grok handler that <see cref="GrokClientOptions.Timeout"/> ends at the headers: the caller reads the body, for as long as it likes.</summary>
    private static HttpRequestMessage CallerReadsBody(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Http.GrokRequestOptions.SetTimeoutScope(request, Http.TimeoutScope.Headers);
        return request;
    }

    private Task<T> RunAsync<T, TBody>(HttpRequestMessage request, bool isApiResponse, bool disposeResponse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_authorizationGetter is null && !GrokTelemetry.IsEnabled)
        {
            Authorize(request);
            return GeneratedRequestRunner.SendAsync<T, TBody>(Client, request, Settings, isApiResponse, disposeResponse, false, cancellationToken)!;
        }

        return AuthorizeThenRunAsync(request, isApiResponse, disposeResponse, cancellationToken);

        async Task<T> AuthorizeThenRunAsync(HttpRequestMessage request, bool isApiResponse, bool disposeResponse, CancellationToken cancellationToken)
        {
            using var activity = GrokTelemetry.StartCall(request, Client);
            try
            {
                await AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);
                var result = await GeneratedRequestRunner.SendAsync<T, TBody>(Client, request, Settings, isApiResponse, disposeResponse, false, cancellationToken).ConfigureAwait(false);
                GrokTelemetry.RecordResult(activity, result);
                return result!;
            }
            catch (Exception ex) when (activity is not null)
            {
                GrokTelemetry.RecordError(activity, ex);
                throw;
            }
        }
    }

    /// <summary>Refuses a raw path with a <c>.</c> or <c>..</c> segment (also percent-encoded, or between backslashes), which would leave the base address's path.</summary>
    private static void EnsureStaysUnderBaseAddress(string path)
    {
        var end = path.AsSpan().IndexOfAny('?', '#');
        foreach (var segment in (end < 0 ? path : path[..end]).Split('/', '\\'))
        {
            if (IsDotSegment(Uri.UnescapeDataString(segment)))
            {
                throw new ArgumentException(
                    $"The path '{path}' has a '{segment}' segment, which would leave the base address's path; name the endpoint without . or .. segments.",
                    nameof(path));
            }
        }
    }

    /// <inheritdoc />
    async Task<JsonNode?> IGrokRawClient.SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        EnsureStaysUnderBaseAddress(path);
        using var request = CreateRequest(method, "/" + path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = StreamingRequestBody.ToContent(JsonSerializer.SerializeToUtf8Bytes(body, GrokJsonContext.Default.JsonNode));
        }

        using var response = await RunAsync<HttpResponseMessage, HttpResponseMessage>(request, isApiResponse: false, disposeResponse: false, cancellationToken).ConfigureAwait(false);
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
}
