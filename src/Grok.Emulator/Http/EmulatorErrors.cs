using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Grok.Emulation;

/// <summary>xAI's error body, <c>{ "code": "...", "error": "..." }</c>, and the codes it uses per status.</summary>
internal static class EmulatorErrors
{
    public const string InvalidArgument = "Client specified an invalid argument";
    public const string NotFound = "Some requested entity was not found";
    public const string PermissionDenied = "The caller does not have permission to execute the specified operation";
    public const string ResourceExhausted = "Some resource has been exhausted";
    public const string Internal = "Internal error";
    public const string Unavailable = "The service is currently unavailable";
    public const string DeadlineExceeded = "The operation was cancelled or timed out";
    public const string Unimplemented = "The operation is not implemented or not supported";
    public const string Gone = "The requested resource is no longer available";

    public static string CodeFor(int statusCode) => statusCode switch
    {
        400 or 401 or 415 or 422 => InvalidArgument,
        403 => PermissionDenied,
        404 => NotFound,
        405 => Unimplemented,
        410 => Gone,
        429 => ResourceExhausted,
        503 => Unavailable,
        504 => DeadlineExceeded,
        _ => Internal,
    };

    public static string Serialize(string code, string message) => Encoding.UTF8.GetString(SerializeUtf8(code, message));

    public static byte[] SerializeUtf8(string code, string message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("code"u8, code);
            writer.WriteString("error"u8, message);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Masks a key as xAI does in its messages: the first two and last two characters around <c>***</c>.</summary>
    public static string Mask(string key)
        => key.Length <= 4 ? "***" : string.Concat(key.AsSpan(0, 2), "***", key.AsSpan(key.Length - 2));
}
