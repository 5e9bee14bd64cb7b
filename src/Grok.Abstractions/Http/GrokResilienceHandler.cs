using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Microsoft.Extensions.Logging;

namespace Grok.Http;

/// <summary>
/// Retries failed attempts (408, 429, 5xx gateways, connection failures, timed-out attempts) with Polly's exponential
/// backoff and jitter, honours <c>retry-after-ms</c> / <c>Retry-After</c> up to 60 s, and bounds each attempt by
/// <see cref="GrokClientOptions.Timeout"/> (for a stream: the wait for its headers).
/// </summary>
internal sealed class GrokResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> s_requestKey = new("Grok.Request");
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
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
        _timeout = options.Timeout;
        _logger = options.LoggerFactory?.CreateLogger(GrokDiagnostics.HttpLogCategory);
        var maxRetries = options.MaxRetries;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(CreateRetryOptions<HttpResponseMessage>(
                options.MaxRetries,
                static (outcome, token) => outcome switch
                {
                    { Result: { } response } => GrokRetryPolicy.ShouldRetryAsync(response, token),
                    { Exception: HttpRequestException or TimeoutRejectedException } => new ValueTask<bool>(true),
                    _ => new ValueTask<bool>(false),
                },
                static outcome => outcome.Result is { } response ? GrokRetryPolicy.GetRetryAfter(response) : null,
                _logger is null ? null : args =>
                {
                    var request = args.Context.Properties.GetValue(s_requestKey, null!);
                    GrokLog.Retrying(_logger, request.Method, request.RequestUri?.AbsolutePath, args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1, maxRetries, GrokLog.Describe(args.Outcome));
                }));
        }

        if (options.Timeout > TimeSpan.Zero && options.Timeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(options.Timeout);
        }

        _pipeline = builder.Build();
    }

    /// <summary>Retry options shared by HTTP attempts and stream openings.</summary>
    internal static RetryStrategyOptions<T> CreateRetryOptions<T>(
        int maxRetries,
        Func<Outcome<T>, CancellationToken, ValueTask<bool>> shouldRetry,
        Func<Outcome<T>, TimeSpan?> retryAfter,
        Action<OnRetryArguments<T>>? onRetry)
        => new()
        {
            MaxRetryAttempts = maxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = GrokRetryPolicy.BaseDelay,
            MaxDelay = GrokRetryPolicy.MaxDelay,
            ShouldHandle = args => shouldRetry(args.Outcome, args.Context.CancellationToken),
            DelayGenerator = args => new ValueTask<TimeSpan?>(retryAfter(args.Outcome)),
            OnRetry = args =>
            {
                onRetry?.Invoke(args);
                (args.Outcome.Result as IDisposable)?.Dispose();
                return default;
            },
        };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(s_requestKey, request);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (context, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Handler.SendOnceAsync(state.Request, context.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        catch (TimeoutRejectedException ex)
        {
            if (_logger is not null)
            {
                GrokLog.TimedOut(_logger, request.Method, request.RequestUri?.AbsolutePath, _timeout.TotalMilliseconds);
            }

            throw new TimeoutException(
                $"{request.Method} {request.RequestUri} did not answer within {_timeout.TotalSeconds:0.###} s (GrokClientOptions.Timeout), on every attempt.",
                ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => base.SendAsync(request, cancellationToken);
}
