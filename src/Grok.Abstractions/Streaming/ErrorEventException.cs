using System.Text.Json;

namespace Grok.Streaming;

/// <summary>Raised inside the event parser when the server sends an error event instead of a chunk.</summary>
/// <param name="message">The server's message.</param>
/// <param name="code">The server's error code, if it sent one.</param>
internal sealed class ErrorEventException(string message, string? code) : JsonException(message)
{
    /// <summary>Gets the server's error code, if any.</summary>
    public string? Code { get; } = code;
}
