using System.Linq;
using System.Net.Http;

namespace Grok.Http;

/// <summary>How far <see cref="GrokClientOptions.Timeout"/> reaches into an answer.</summary>
internal enum TimeoutScope
{
    /// <summary>Until the body the library reads is read (typed results, <c>ApiResponse&lt;T&gt;</c>, error bodies).</summary>
    Body,

    /// <summary>Until the response headers: the caller reads the body (<c>Task&lt;Stream&gt;</c>, <c>Task&lt;HttpResponseMessage&gt;</c>), or a stream's reader bounds it.</summary>
    Headers,
}

/// <summary>What the generated client tells the Grok handler about a request, through <see cref="HttpRequestMessage.Options"/>.</summary>
internal static class GrokRequestOptions
{
    private static readonly HttpRequestOptionsKey<TimeoutScope> s_timeoutScope = new("Grok.TimeoutScope");

    /// <summary>Marks how far the attempt's timeout reaches.</summary>
    public static void SetTimeoutScope(HttpRequestMessage request, TimeoutScope scope) => request.Options.Set(s_timeoutScope, scope);

    /// <summary>The scope set on the request; without one, a request for an event stream is bounded until its headers, any other until its body is read.</summary>
    public static TimeoutScope GetTimeoutScope(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(s_timeoutScope, out var scope))
        {
            return scope;
        }

        return request.Headers.Accept.Any(static a => a.MediaType == "text/event-stream") ? TimeoutScope.Headers : TimeoutScope.Body;
    }
}
