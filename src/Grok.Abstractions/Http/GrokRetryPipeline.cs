using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Grok.Http;

/// <summary>
/// The retry half of <see cref="GrokResilienceHandler"/>: Polly's retry strategy (exponential backoff with jitter, the
/// server's <c>retry-after-ms</c> / <c>Retry-After</c>, <see cref="GrokRetryPolicy"/> deciding what is retried), entered
/// with the outcome of a first attempt that the policy retries. Its first execution hands that outcome back instead of
/// sending, so attempts, delays and limits are those of a pipeline that ran the first attempt itself. Kept in its own
/// class so that a client whose calls succeed never loads Polly.
/// </summary>
internal sealed class GrokRetryPipeline
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> s_requestKey = new("Grok.Request");
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _sendAttempt;
    private readonly Func<HttpRequestMessage, bool> _logTimedOut;

    /// <summary>Builds the pipeline.</summary>
    /// <param name="maxRetries">Retries after the first attempt (more than 0).</param>
    /// <param name="logger">Where retries are logged, or null.</param>
    /// <param name="sendAttempt">Sends one attempt under the per-attempt timeout.</param>
    /// <param name="logTimedOut">Logs that the call ended in a timeout.</param>
    public GrokRetryPipeline(int maxRetries, ILogger? logger, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> sendAttempt, Func<HttpRequestMessage, bool> logTimedOut)
    {
        _sendAttempt = sendAttempt;
        _logTimedOut = logTimedOut;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(new RetryStrategyOptions<HttpResponseMessage>
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
        }).Build();
    }

    /// <summary>Retries the call, starting from the first attempt's answer or failure.</summary>
    public async Task<HttpResponseMessage> RunAsync(HttpRequestMessage request, HttpResponseMessage? response, Exception? error, CancellationToken cancellationToken)
    {
        var call = new RetriedCall(this, request, error is null ? Outcome.FromResult(response!) : Outcome.FromException<HttpResponseMessage>(error));
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
                        return Outcome.FromResult(await call.Owner._sendAttempt(call.Request, context.CancellationToken).ConfigureAwait(false));
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
                _logTimedOut(request);
            }

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One call on the retry path: the first attempt's outcome, handed to the pipeline once.</summary>
    private sealed class RetriedCall(GrokRetryPipeline owner, HttpRequestMessage request, Outcome<HttpResponseMessage> first)
    {
        private Outcome<HttpResponseMessage>? _first = first;

        public GrokRetryPipeline Owner => owner;

        public HttpRequestMessage Request => request;

        public Outcome<HttpResponseMessage>? TakeFirst()
        {
            var taken = _first;
            _first = null;
            return taken;
        }
    }
}
