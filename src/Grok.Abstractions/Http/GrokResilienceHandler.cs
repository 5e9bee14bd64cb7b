using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Grok.Http;

/// <summary>
/// Retries failed attempts (408, 429, 5xx gateways, connection failures, timed-out attempts) with Polly's exponential
/// backoff and jitter, honours <c>retry-after-ms</c> / <c>Retry-After</c> up to 60 s, and bounds each attempt by
/// <see cref="GrokClientOptions.Timeout"/> (for a stream: the wait for its headers).
/// </summary>
internal sealed class GrokResilienceHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeSpan _timeout;

    public GrokResilienceHandler(GrokClientOptions options, HttpMessageHandler innerHandler)
        : this(options)
    {
        InnerHandler = innerHandler;
    }

    /// <summary>For <c>IHttpClientFactory</c> pipelines, which set the inner handler themselves.</summary>
    public GrokResilienceHandler(GrokClientOptions options)
    {
        _timeout = options.Timeout;
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
                static outcome => outcome.Result is { } response ? GrokRetryPolicy.GetRetryAfter(response) : null));
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
        Func<Outcome<T>, TimeSpan?> retryAfter)
        => new()
        {
            MaxRetryAttempts = maxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = GrokRetryPolicy.BaseDelay,
            MaxDelay = GrokRetryPolicy.MaxDelay,
            ShouldHandle = args => shouldRetry(args.Outcome, args.Context.CancellationToken),
            DelayGenerator = args => new ValueTask<TimeSpan?>(retryAfter(args.Outcome)),
            OnRetry = static args =>
            {
                (args.Outcome.Result as IDisposable)?.Dispose();
                return default;
            },
        };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(
                static (state, token) => new ValueTask<HttpResponseMessage>(state.Handler.SendOnceAsync(state.Request, token)),
                (Handler: this, Request: request),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new TimeoutException(
                $"{request.Method} {request.RequestUri} did not answer within {_timeout.TotalSeconds:0.###} s (GrokClientOptions.Timeout), on every attempt.",
                ex);
        }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => base.SendAsync(request, cancellationToken);
}
