using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Grok.Emulation;

/// <summary>Answers <c>POST embeddings</c> with vectors derived from a hash of each input.</summary>
internal static class EmbeddingsEndpoint
{
    public const int MaxInputs = 128;
    public const int DefaultDimensions = 8;
    public const int MaxDimensions = 4096;

    public static async Task HandleAsync(HttpContext context, string body)
    {
        if (!EmulatorHttp.IsJson(context.Request))
        {
            await EmulatorHttp.WriteErrorAsync(context, 415, "Content-Type must be application/json.").ConfigureAwait(false);
            return;
        }

        List<string> inputs;
        string model;
        string encoding;
        int dimensions;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("input", out var input))
            {
                await EmulatorHttp.WriteErrorAsync(context, 400, "The request needs an input: a string, an array of strings or token arrays.").ConfigureAwait(false);
                return;
            }

            inputs = ReadInputs(input);
            model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "grok-embedding-small";
            encoding = root.TryGetProperty("encoding_format", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "float";
            dimensions = root.TryGetProperty("dimensions", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetInt32() : DefaultDimensions;
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "Failed to deserialize the JSON body into the target type: " + exception.Message).ConfigureAwait(false);
            return;
        }

        if (inputs.Count is 0 or > MaxInputs)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, $"The input must hold between 1 and {MaxInputs} items; it holds {inputs.Count}.").ConfigureAwait(false);
            return;
        }

        if (dimensions is < 1 or > MaxDimensions)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, $"dimensions must be between 1 and {MaxDimensions}.").ConfigureAwait(false);
            return;
        }

        if (encoding is not ("float" or "base64"))
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "encoding_format must be float or base64.").ConfigureAwait(false);
            return;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var tokens = 0;
            writer.WriteStartObject();
            writer.WriteString("object"u8, "list");
            writer.WriteStartArray("data"u8);
            for (var i = 0; i < inputs.Count; i++)
            {
                tokens += Math.Max(1, EmulatorHttp.CountWords(inputs[i]));
                var vector = Vector(inputs[i], dimensions);
                writer.WriteStartObject();
                writer.WriteNumber("index"u8, i);
                writer.WriteString("object"u8, "embedding");
                if (encoding == "base64")
                {
                    var bytes = new byte[vector.Length * sizeof(float)];
                    for (var j = 0; j < vector.Length; j++)
                    {
                        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(j * sizeof(float)), vector[j]);
                    }

                    writer.WriteBase64String("embedding"u8, bytes);
                }
                else
                {
                    writer.WriteStartArray("embedding"u8);
                    foreach (var value in vector)
                    {
                        writer.WriteNumberValue(value);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("model"u8, model);
            writer.WriteStartObject("usage"u8);
            writer.WriteNumber("prompt_tokens"u8, tokens);
            writer.WriteNumber("total_tokens"u8, tokens);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        await EmulatorHttp.WriteBytesAsync(context, 200, buffer.ToArray(), "application/json").ConfigureAwait(false);
    }

    /// <summary>A unit-length vector whose components come from a stable hash of the text.</summary>
    public static float[] Vector(string text, int dimensions)
    {
        var vector = new float[dimensions];
        double sum = 0;
        for (var i = 0; i < dimensions; i++)
        {
            var hash = EmulatorHttp.StableHash(text, (ulong)i + 1);
            var value = (float)(((hash >> 11) / (double)(1UL << 53) * 2) - 1);
            vector[i] = value;
            sum += value * value;
        }

        var norm = (float)Math.Sqrt(sum);
        if (norm > 0)
        {
            for (var i = 0; i < dimensions; i++)
            {
                vector[i] /= norm;
            }
        }

        return vector;
    }

    private static List<string> ReadInputs(JsonElement input)
    {
        var inputs = new List<string>();
        switch (input.ValueKind)
        {
            case JsonValueKind.String:
                inputs.Add(input.GetString()!);
                break;
            case JsonValueKind.Array:
                var allNumbers = true;
                foreach (var item in input.EnumerateArray())
                {
                    allNumbers &= item.ValueKind == JsonValueKind.Number;
                }

                if (allNumbers && input.GetArrayLength() > 0)
                {
                    inputs.Add(input.GetRawText());
                    break;
                }

                foreach (var item in input.EnumerateArray())
                {
                    inputs.Add(item.ValueKind switch
                    {
                        JsonValueKind.String => item.GetString()!,
                        JsonValueKind.Array => item.GetRawText(),
                        _ => throw new FormatException("Each input must be a string or an array of token ids."),
                    });
                }

                break;
            default:
                throw new FormatException("The input must be a string, an array of strings or token arrays.");
        }

        return inputs;
    }
}
