using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace Grok.Responses;

/// <summary>JSON schemas of C# types for function tools and structured answers, made by <see cref="JsonSchemaExporter"/>.</summary>
public static class ResponseSchemas
{
    private static readonly JsonSchemaExporterOptions s_exporterOptions = new()
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = static (context, schema) =>
        {
            // Closed objects: no members beyond the declared ones, as structured output wants.
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
    /// <param name="options">JSON options whose resolver knows <typeparamref name="T"/>; <see cref="GrokJson.DefaultOptions"/> when null.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="InvalidOperationException">The options know nothing of <typeparamref name="T"/>.</exception>
    public static JsonElement For<T>(JsonSerializerOptions? options = null)
    {
        options ??= GrokJson.DefaultOptions;
        JsonTypeInfo typeInfo;
        try
        {
            typeInfo = options.GetTypeInfo(typeof(T));
        }
        catch (NotSupportedException ex)
        {
            throw new InvalidOperationException(
                $"The JSON options know nothing of {typeof(T).Name}: add it to a JsonSerializerContext ([JsonSerializable(typeof({typeof(T).Name}))]) and pass options that use it.",
                ex);
        }

        var node = JsonSchemaExporter.GetJsonSchemaAsNode(typeInfo, s_exporterOptions);
        return JsonSerializer.SerializeToElement(node, GrokJsonContext.Default.JsonNode);
    }

    /// <summary>A <c>json_schema</c> answer format that makes the answer a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="options">JSON options; <see cref="GrokJson.DefaultOptions"/> when null.</param>
    /// <param name="name">The schema's name; the type's name when null.</param>
    /// <param name="strict">The <c>strict</c> flag; left out when null.</param>
    /// <returns>The format.</returns>
    public static ResponseTextFormat TextFormatFor<T>(JsonSerializerOptions? options = null, string? name = null, bool? strict = null)
        => ResponseTextFormat.JsonSchema(name ?? typeof(T).Name, For<T>(options), strict);

    private static bool IsObjectType(JsonNode? type)
        => type switch
        {
            JsonValue value => value.TryGetValue<string>(out var text) && text == "object",
            JsonArray array => array.Count > 0 && array[0] is JsonValue first && first.TryGetValue<string>(out var text) && text == "object",
            _ => false,
        };
}
