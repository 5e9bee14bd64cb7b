using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using Refit;

namespace Grok;

/// <summary>The <c>Grok</c> activities of generated clients: one per call, one spanning a whole stream.</summary>
internal static class GrokTelemetry
{
    /// <summary>Gets whether anyone listens; when not, calls take the path without activities.</summary>
    public static bool IsEnabled => GrokDiagnostics.ActivitySource.HasListeners();

    /// <summary>Starts the activity of a plain call, described by its request.</summary>
    public static Activity? StartCall(HttpRequestMessage request, HttpClient client)
    {
        var activity = GrokDiagnostics.ActivitySource.StartActivity("Grok call", ActivityKind.Client);
        if (activity is not null)
        {
            Describe(activity, request, client);
        }

        return activity;
    }

    /// <summary>Starts the activity of a stream without making it <see cref="Activity.Current"/> in the caller's context.</summary>
    public static Activity? StartStream()
    {
        var previous = Activity.Current;
        var activity = GrokDiagnostics.ActivitySource.StartActivity("Grok stream", ActivityKind.Client);
        Activity.Current = previous;
        return activity;
    }

    public static void Describe(Activity activity, HttpRequestMessage request, HttpClient client)
    {
        var path = request.RequestUri?.OriginalString;
        activity.DisplayName = $"{request.Method} {path}";
        activity.SetTag("gen_ai.provider.name", "xai");
        activity.SetTag("http.request.method", request.Method.Method);
        activity.SetTag("url.path", path);
        activity.SetTag("server.address", client.BaseAddress?.Host);
        activity.SetTag("server.port", client.BaseAddress?.Port);
    }

    /// <summary>Records how a stream ended: its event count and, when it failed, the error.</summary>
    public static void RecordStreamEnd(Activity? activity, int events, Exception? exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("grok.stream.events", events);
        if (exception is not null)
        {
            RecordError(activity, exception);
        }
    }

    public static void RecordError(Activity activity, Exception exception)
    {
        if (exception is ApiException api)
        {
            activity.SetTag("http.response.status_code", (int)api.StatusCode);
        }

        activity.SetTag("error.type", exception is ApiException error ? ((int)error.StatusCode).ToString(CultureInfo.InvariantCulture) : exception.GetType().FullName);
        activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
    }
}
