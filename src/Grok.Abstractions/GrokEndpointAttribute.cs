using System;

namespace Grok;

/// <summary>
/// Marks an interface method as an xAI REST endpoint. The Grok source generator implements every interface that
/// declares such methods with a Refit-backed client; create one with <see cref="GrokClient.Create{TApi}(GrokClientOptions)"/>.
/// </summary>
/// <example>
/// <code>
/// public interface IMyChat
/// {
///     [GrokEndpoint("POST", "chat/completions")]
///     Task&lt;MyAnswer&gt; AskAsync(MyQuestion body, CancellationToken cancellationToken = default);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class GrokEndpointAttribute : Attribute
{
    /// <summary>Declares an endpoint.</summary>
    /// <param name="method">The HTTP method: GET, POST, PUT, PATCH or DELETE, in any case.</param>
    /// <param name="path">
    /// The path relative to <see cref="GrokClientOptions.BaseAddress"/>, with or without a leading <c>/</c>.
    /// <c>{name}</c> binds the method parameter of that name (case-insensitive), URL-escaped.
    /// </param>
    public GrokEndpointAttribute(string method, string path)
    {
        Method = method;
        Path = path;
    }

    /// <summary>Gets the HTTP method.</summary>
    public string Method { get; }

    /// <summary>Gets the path relative to the base address.</summary>
    public string Path { get; }

    /// <summary>
    /// Gets a value indicating whether the endpoint answers with server-sent events. The method then returns
    /// <c>IAsyncEnumerable&lt;T&gt;</c> (or the raw <c>Task&lt;Stream&gt;</c> / <c>Task&lt;HttpResponseMessage&gt;</c>),
    /// and its JSON body is sent with <c>"stream": true</c>.
    /// </summary>
    public bool Stream { get; init; }
}
