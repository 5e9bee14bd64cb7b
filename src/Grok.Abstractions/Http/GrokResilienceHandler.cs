using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

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

    private static readonly ResiliencePropertyKey<HttpRequestMessage> s_requestKey = new("Grok.Request");
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly bool _retrying;
    private readonly TimeSpan _timeout;
    private readonly ILogger? _logger;

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
        var maxRetries = options.MaxRetries;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (maxRetries > 0)
        {
            var logger = _logger;
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = GrokRetryPolicy.BaseDelay,
                MaxDelay = GrokRetryPolicy.MaxDelay,
                ShouldHandle = args =>
                {
                    var request = args.Context.Properties.GetValue(s_requestKey, null!);
                    return new ValueTask<bool>(args.Outcome switch
                    {
                        { Result: { } response } => GrokRetryPolicy.ShouldRetry(request, response),
                        { Exception: { } exception } => !args.Context.CancellationToken.IsCancellationRequested && GrokRetryPolicy.ShouldRetry(request, exception),
                        _ => false,
                    });
                },
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Result is { } response && GrokRetryPolicy.TryGetRetryAfter(response, out var wait) ? wait : null),
                OnRetry = args =>
                {
                    if (logger is not null)
                    {
                        var request = args.Context.Properties.GetValue(s_requestKey, null!);
                        GrokLog.Retrying(logger, request.Method, request.RequestUri?.AbsolutePath, args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1, maxRetries, GrokLog.Describe(args.Outcome));
                    }

                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        _retrying = maxRetries > 0;
        _pipeline = builder.Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.NonValidated.Contains(ClientRequestIdHeader))
        {
            request.Headers.TryAddWithoutValidation(ClientRequestIdHeader, Guid.NewGuid().ToString());
        }

        // The first attempt runs outside the pipeline: most calls succeed at once and need none of its machinery
        // (context, state, per-call closures). Only an outcome the retry table would retry enters the pipeline, which
        // starts from that outcome, so the attempts, delays and limits are the pipeline's as before.
        HttpResponseMessage response;
        try
        {
            response = await SendAttemptAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (_retrying && !cancellationToken.IsCancellationRequested && GrokRetryPolicy.ShouldRetry(request, ex))
        {
            return await RetryAsync(request, Outcome.FromException<HttpResponseMessage>(ex), cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException) when (LogTimedOut(request))
        {
            throw; // not reached: the filter logs and declines
        }

        if (_retrying && !response.IsSuccessStatusCode && GrokRetryPolicy.ShouldRetry(request, response))
        {
            return await RetryAsync(request, Outcome.FromResult(response), cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>Runs the retry pipeline, whose first execution hands back the first attempt's outcome instead of sending.</summary>
    private async Task<HttpResponseMessage> RetryAsync(HttpRequestMessage request, Outcome<HttpResponseMessage> first, CancellationToken cancellationToken)
    {
        var call = new RetriedCall(this, request, first);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(s_requestKey, request);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (context, call) =>
                {
                    if (call.TakeFirst() is { } first)
                    {
                        return first;
                    }

                    try
                    {
                        return Outcome.FromResult(await call.Handler.SendAttemptAsync(call.Request, context.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                call).ConfigureAwait(false);

            // Cancelled before the pipeline looked at the first outcome: its response is nobody's now.
            call.TakeFirst()?.Result?.Dispose();
            if (outcome.Exception is TimeoutException)
            {
                LogTimedOut(request);
            }

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private bool LogTimedOut(HttpRequestMessage request)
    {
        if (_logger is not null)
        {
            GrokLog.TimedOut(_logger, request.Method, request.RequestUri?.AbsolutePath, _timeout.TotalMilliseconds);
        }

        return false;
    }

    /// <summary>One call on the retry path: the first attempt's outcome, handed to the pipeline once.</summary>
    private sealed class RetriedCall(GrokResilienceHandler handler, HttpRequestMessage request, Outcome<HttpResponseMessage> first)
    {
        private Outcome<HttpResponseMessage>? _first = first;

        public GrokResilienceHandler Handler => handler;

        public HttpRequestMessage Request => request;

        public Outcome<HttpResponseMessage>? TakeFirst()
        {
            var taken = _first;
            _first = null;
            return taken;
        }
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
