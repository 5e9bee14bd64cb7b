using System.Diagnostics;

namespace Grok;

/// <summary>The names Grok reports telemetry under: one <see cref="ActivitySource"/> and log categories below <c>Grok</c>.</summary>
public static class GrokDiagnostics
{
    /// <summary>The <see cref="ActivitySource"/> name: every call is an activity (a stream spans its whole reading).</summary>
    public const string ActivitySourceName = "Grok";

    /// <summary>The log category of retries, timeouts and broken streams (from <see cref="GrokClientOptions.LoggerFactory"/>).</summary>
    public const string HttpLogCategory = "Grok.Http";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName, typeof(GrokDiagnostics).Assembly.GetName().Version?.ToString());
}
