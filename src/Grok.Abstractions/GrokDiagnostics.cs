using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Grok;

/// <summary>
/// The names Grok reports telemetry under: one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named
/// <c>Grok</c>, following the OpenTelemetry GenAI semantic conventions, and log categories below <c>Grok</c>.
/// </summary>
public static class GrokDiagnostics
{
    /// <summary>
    /// The <see cref="ActivitySource"/> name. Every call is a client span; model calls are named <c>{operation} {model}</c>
    /// (<c>chat grok-4</c>) and carry <c>gen_ai.*</c> attributes; a stream's span covers its whole reading.
    /// </summary>
    public const string ActivitySourceName = "Grok";

    /// <summary>
    /// The <see cref="Meter"/> name. It records <c>gen_ai.client.token.usage</c> (tokens, by <c>gen_ai.token.type</c>
    /// <c>input</c>/<c>output</c>) and <c>gen_ai.client.operation.duration</c> (seconds) for model calls.
    /// </summary>
    public const string MeterName = "Grok";

    /// <summary>The log category of retries, timeouts and broken streams (from <see cref="GrokClientOptions.LoggerFactory"/>).</summary>
    public const string HttpLogCategory = "Grok.Http";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName, typeof(GrokDiagnostics).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(MeterName, typeof(GrokDiagnostics).Assembly.GetName().Version?.ToString());
}
