using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Embeddings;

/// <summary>One embedding vector.</summary>
public sealed class Embedding
{
    /// <summary>The position of the input it embeds.</summary>
    [JsonPropertyName("index")]
    public int Index { get; init; }

    /// <summary><c>embedding</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>The vector; read from a float array or, with <c>encoding_format: base64</c>, from little-endian float32 bytes.</summary>
    [JsonPropertyName("embedding")]
    [JsonConverter(typeof(VectorConverter))]
    public float[] Vector { get; init; } = [];

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Reads a float array or a base64 string of float32 values; writes a float array.</summary>
    internal sealed class VectorConverter : JsonConverter<float[]>
    {
        public override float[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                var bytes = reader.GetBytesFromBase64();
                var floats = new float[bytes.Length / sizeof(float)];
                for (var i = 0; i < floats.Length; i++)
                {
                    floats[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
                }

                return floats;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("An embedding must be an array of numbers or a base64 string.");
            }

            var values = new List<float>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                values.Add(reader.GetSingle());
            }

            return values.ToArray();
        }

        public override void Write(Utf8JsonWriter writer, float[] value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value)
            {
                writer.WriteNumberValue(item);
            }

            writer.WriteEndArray();
        }
    }
}
