using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Grok.Http;

/// <summary>Grok's log messages (source-generated). They name the method, path and status, never headers or keys.</summary>
internal static partial class GrokLog
{
    [LoggerMessage(1, LogLevel.Warning, "Retrying {Method} {Path} in {DelayMs} ms (retry {Attempt} of {MaxRetries}) after {Outcome}")]
    public static partial void Retrying(ILogger logger, HttpMethod method, string? path, double delayMs, int attempt, int maxRetries, string outcome);

    [LoggerMessage(2, LogLevel.Warning, "The stream {Path} failed before its first event (retried up to {MaxRetries} times): {Reason}")]
    public static partial void StreamFailedBeforeFirstEvent(ILogger logger, string? path, int maxRetries, string reason);

    [LoggerMessage(3, LogLevel.Error, "{Method} {Path} timed out after {TimeoutMs} ms on every attempt")]
    public static partial void TimedOut(ILogger logger, HttpMethod method, string? path, double timeoutMs);

    public static string Describe<T>(Polly.Outcome<T> outcome)
        => outcome.Result is HttpResponseMessage response
            ? $"status {(int)response.StatusCode}"
            : outcome.Exception?.GetType().Name ?? "a failure";
}
