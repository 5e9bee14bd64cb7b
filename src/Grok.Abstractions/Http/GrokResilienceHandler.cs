using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Grok.Http;

/// <summary>
/// The one owner of retries and of the per-attempt <see cref="GrokClientOptions.Timeout"/>. Each attempt is bounded
/// from sending until its body is read (error bodies, capped, included; a stream's or a raw body's until its headers);
/// what is retried follows <see cref="GrokRetryPolicy"/> (never a request the server may have processed, unless
/// idempotent), with Polly's exponential backoff and jitter and the server's <c>retry-after-ms</c> / <c>Retry-After</c>.
/// Every request carries an <c>x-client-request-id</c> that stays the same across the retries of one call.
/// </summary>
internal sealed class GrokResilienceHandler : DelegatingHandler
{
    /// <summary>The header naming one call, the same on each of its attempts.</summary>
    public const string ClientRequestIdHeader = "x-client-request-id";

    private readonly int _maxRetries;
    private readonly TimeSpan _timeout;
    private readonly ILogger? _logger;

    // Built on the first retry: a call that succeeds at once never loads Polly (cold start) or touches the pipeline.
    private GrokRetryPipeline? _retry;

    public GrokResilienceHandler(GrokClientOptions options, HttpMessageHandler innerHandler)
        : this(options)
    {
        InnerHandler = innerHandler;
    }

    /// <summary>For <c>IHttpClientFactory</c> pipelines, which set the inner handler themselves.</summary>
    public GrokResilienceHandler(GrokClientOptions options)
    {
        GrokClientOptionsValidation.ThrowIfOutOfRange(options);
        _timeout = options.Timeout;
        _logger = options.LoggerFactory?.CreateLogger(GrokDiagnostics.HttpLogCategory);
        _maxRetries = options.MaxRetries;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.NonValidated.Contains(ClientRequestIdHeader))
        {
            request.Headers.TryAddWithoutValidation(ClientRequestIdHeader, ClientRequestId.Next());
        }

        // The first attempt runs outside the pipeline: most calls succeed at once and need none of its machinery
        // (context, state, per-call closures). Only an outcome the retry table would retry enters the pipeline, which
        // starts from that outcome, so the attempts, delays and limits are the pipeline's as before.
        HttpResponseMessage response;
        try
        {
            response = await SendAttemptAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (_maxRetries > 0 && !cancellationToken.IsCancellationRequested && GrokRetryPolicy.ShouldRetry(request, ex))
        {
            return await RetryAsync(request, null, ex, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException) when (LogTimedOut(request))
        {
            throw; // not reached: the filter logs and declines
        }

        if (_maxRetries > 0 && !response.IsSuccessStatusCode && GrokRetryPolicy.ShouldRetry(request, response))
        {
            return await RetryAsync(request, response, null, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>Retries a call whose first attempt gave <paramref name="response"/> or <paramref name="error"/>.</summary>
    private Task<HttpResponseMessage> RetryAsync(HttpRequestMessage request, HttpResponseMessage? response, Exception? error, CancellationToken cancellationToken)
    {
        // Two racing first retries may both build a pipeline; they are equal and one is kept.
        var retry = _retry ??= new GrokRetryPipeline(_maxRetries, _logger, SendAttemptAsync, LogTimedOut);
        return retry.RunAsync(request, response, error, cancellationToken);
    }

    private bool LogTimedOut(HttpRequestMessage request)
    {
        if (_logger is not null)
        {
            GrokLog.TimedOut(_logger, request.Method, request.RequestUri?.AbsolutePath, _timeout.TotalMilliseconds);
        }

        return false;
    }

    /// <summary>
    /// One attempt: sends, and within the same deadline buffers an error body (capped) or hands back a 2xx body whose
    /// reads stay under the deadline (unless the caller reads the body itself: streams and raw responses).
    /// </summary>
    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var bounded = _timeout != Timeout.InfiniteTimeSpan;
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (bounded)
        {
            deadline.CancelAfter(_timeout);
        }

        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                await ErrorBodyReader.BufferAsync(response, deadline.Token, cancellationToken).ConfigureAwait(false);
                deadline.Dispose();
                return response;
            }

            if (bounded && GrokRequestOptions.GetTimeoutScope(request) == TimeoutScope.Body)
            {
                // The content owns the deadline from here and disposes it with the response.
                response.Content = new DeadlineContent(response.Content, deadline, _timeout, request, response);
                return response;
            }

            deadline.Dispose();
            return response;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested && ex is OperationCanceledException or HttpRequestException or System.IO.IOException)
        {
            response?.Dispose();
            deadline.Dispose();
            throw new TimeoutException(
                $"{request.Method} {request.RequestUri} did not answer within {_timeout.TotalSeconds:0.###} s (GrokClientOptions.Timeout).",
                ex);
        }
        catch
        {
            response?.Dispose();
            deadline.Dispose();
            throw;
        }
    }
}
