using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Grok.Chat;

namespace Grok;

/// <summary>JSON schemas from C# types, for structured output and function tools (built with <see cref="JsonSchemaExporter"/>).</summary>
public static class GrokSchema
{
    private static readonly JsonSchemaExporterOptions s_exporterOptions = new()
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = static (context, schema) =>
        {
            // Strict structured output wants closed objects: no members beyond the declared ones.
            if (context.PropertyInfo is null && schema is JsonObject obj
                && obj.TryGetPropertyValue("type", out var type) && IsObjectType(type)
                && !obj.ContainsKey("additionalProperties"))
            {
                obj["additionalProperties"] = false;
            }

            return schema;
        },
    };

    /// <summary>The JSON schema of <typeparamref name="T"/> as the given options serialize it.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="options">The JSON options (their resolver must know <typeparamref name="T"/>); <see cref="GrokJson.DefaultOptions"/> when null.</param>
    /// <returns>The schema.</returns>
    public static JsonElement For<T>(JsonSerializerOptions? options = null)
    {
        var typeInfo = GetTypeInfo<T>(options);
        var node = JsonSchemaExporter.GetJsonSchemaAsNode(typeInfo, s_exporterOptions);
        return JsonSerializer.SerializeToElement(node, GrokJsonContext.Default.JsonNode);
    }

    /// <summary>A <c>json_schema</c> response format that makes the answer a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="options">The JSON options; <see cref="GrokJson.DefaultOptions"/> when null.</param>
    /// <param name="name">The schema's name; the type's name when null.</param>
    /// <param name="strict">Whether the answer must follow the schema exactly.</param>
    /// <returns>The response format.</returns>
    public static ResponseFormat ResponseFormatFor<T>(JsonSerializerOptions? options = null, string? name = null, bool strict = true)
        => ResponseFormat.ForJsonSchema(name ?? typeof(T).Name, For<T>(options), strict);

    /// <summary>A function tool whose arguments are a <typeparamref name="TArguments"/>.</summary>
    /// <typeparam name="TArguments">The arguments' type; read them back with <see cref="GrokClientExtensions.GetArguments{T}"/>.</typeparam>
    /// <param name="name">The function name.</param>
    /// <param name="description">What it does.</param>
    /// <param name="options">The JSON options; <see cref="GrokJson.DefaultOptions"/> when null.</param>
    /// <param name="strict">Whether the arguments must follow the schema exactly.</param>
    /// <returns>The tool.</returns>
    public static Tool FunctionTool<TArguments>(string name, string? description, JsonSerializerOptions? options = null, bool? strict = null)
        => Tool.ForFunction(name, description, For<TArguments>(options), strict);

    internal static JsonTypeInfo<T> GetTypeInfo<T>(JsonSerializerOptions? options)
    {
        options ??= GrokJson.DefaultOptions;
        try
        {
            return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        }
        catch (NotSupportedException ex)
        {
            throw new InvalidOperationException(
                $"The JSON options know nothing of {typeof(T).Name}: add it to a JsonSerializerContext ([JsonSerializable(typeof({typeof(T).Name}))]) and pass options that use it.",
                ex);
        }
    }

    private static bool IsObjectType(JsonNode? type)
        => type switch
        {
            JsonValue value => value.TryGetValue<string>(out var text) && text == "object",
            JsonArray array => array.Count > 0 && array[0] is JsonValue first && first.TryGetValue<string>(out var text) && text == "object",
            _ => false,
        };

    /// <summary>Reads model-written JSON as <typeparamref name="T"/>, failing with a <see cref="JsonException"/> that names <paramref name="what"/> and quotes the text.</summary>
    internal static T ReadJson<T>(string? json, JsonSerializerOptions? options, string what)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new JsonException($"{what} is empty, so it cannot be read as {typeof(T).Name}.");
        }

        try
        {
            return JsonSerializer.Deserialize(json, GetTypeInfo<T>(options))
                ?? throw new JsonException($"{what} is null, not a {typeof(T).Name}.");
        }
        catch (JsonException ex) when (!ex.Message.StartsWith(what, StringComparison.Ordinal))
        {
            var snippet = json.Length > 300 ? json[..300] + "..." : json;
            throw new JsonException($"{what} does not read as {typeof(T).Name}: {ex.Message} Text: {snippet}", ex);
        }
    }
}
