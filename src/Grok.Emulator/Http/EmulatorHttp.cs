using System;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Grok.Emulation;

/// <summary>Small helpers for writing the emulator's answers.</summary>
internal static class EmulatorHttp
{
    public static Task WriteJsonAsync<T>(HttpContext context, int statusCode, T value, JsonTypeInfo<T> typeInfo)
        => WriteBytesAsync(context, statusCode, JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), "application/json");

    public static Task WriteErrorAsync(HttpContext context, int statusCode, string message, string? code = null)
        => WriteBytesAsync(context, statusCode, EmulatorErrors.SerializeUtf8(code ?? EmulatorErrors.CodeFor(statusCode), message), "application/json");

    public static async Task WriteBytesAsync(HttpContext context, int statusCode, byte[] body, string contentType)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    public static bool IsJson(HttpRequest request)
        => MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            && string.Equals(mediaType.MediaType, "application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Counts whitespace-separated words, the emulator's notion of a token.</summary>
    public static int CountWords(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }

        return count;
    }

    /// <summary>A stable 64-bit FNV-1a hash (string.GetHashCode changes per process).</summary>
    public static ulong StableHash(ReadOnlySpan<char> text, ulong seed = 0)
    {
        var hash = 14695981039346656037UL ^ seed;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return hash;
    }

    /// <summary>A GUID-shaped id derived from a text and a counter, so runs repeat.</summary>
    public static string StableId(string text, long counter)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, StableHash(text, (ulong)counter));
        BitConverter.TryWriteBytes(bytes[8..], StableHash(text, ~(ulong)counter));
        return new Guid(bytes).ToString("D");
    }
}
