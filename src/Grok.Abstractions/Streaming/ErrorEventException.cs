using System.Text.Json;

namespace Grok.Streaming;

/// <summary>Raised inside the event parser when the server sends an error event instead of a chunk.</summary>
internal sealed class ErrorEventException(string message) : JsonException(message);
