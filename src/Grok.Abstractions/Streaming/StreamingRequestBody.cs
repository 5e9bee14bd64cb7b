using System;
using System.Buffers;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Grok.Streaming;

/// <summary>Serializes a request body with <c>"stream": true</c> set at its top level, leaving the caller's object untouched.</summary>
internal static class StreamingRequestBody
{
    /// <summary>Returns <paramref name="json"/> (one JSON object) with any top-level <c>stream</c> member replaced by <c>"stream": true</c>.</summary>
    public static byte[] SetStreamTrue(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ArgumentException("A streaming endpoint's body must serialize to a JSON object, so that \"stream\": true can be added to it.");
        }

        var output = new ArrayBufferWriter<byte>(json.Length + 16);
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("stream"u8, true);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isStream = reader.ValueTextEquals("stream"u8);
                string? escapedName = reader.ValueIsEscaped ? reader.GetString() : null;
                var rawName = reader.ValueSpan;

                reader.Read();
                int valueStart = (int)reader.TokenStartIndex;
                reader.Skip();
                int valueEnd = (int)reader.BytesConsumed;

                if (isStream)
                {
                    continue;
                }

                if (escapedName is null)
                {
                    writer.WritePropertyName(rawName);
                }
                else
                {
                    writer.WritePropertyName(escapedName);
                }

                writer.WriteRawValue(json[valueStart..valueEnd], skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>Wraps UTF-8 JSON in content with <c>Content-Type: application/json</c> and a known length.</summary>
    public static HttpContent ToContent(byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
        return content;
    }
}
