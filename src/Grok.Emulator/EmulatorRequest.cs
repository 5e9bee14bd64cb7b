using System.Collections.Generic;

namespace Grok;

/// <summary>A request the <see cref="GrokEmulator"/> received, kept for assertions.</summary>
public sealed class EmulatorRequest
{
    /// <summary>Creates a record of one request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path and query, such as <c>/v1/chat/completions</c>.</param>
    /// <param name="headers">The request headers, keyed case-insensitively.</param>
    /// <param name="body">The body as text; empty when there was none.</param>
    public EmulatorRequest(string method, string path, IReadOnlyDictionary<string, string> headers, string body)
    {
        Method = method;
        Path = path;
        Headers = headers;
        Body = body;
    }

    /// <summary>Gets the HTTP method, such as <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>Gets the path and query, such as <c>/v1/chat/completions</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the request headers (several values of one header are joined with a comma), keyed case-insensitively.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Gets the body as UTF-8 text; empty when there was none.</summary>
    public string Body { get; }

    /// <inheritdoc />
    public override string ToString() => Method + " " + Path;
}
