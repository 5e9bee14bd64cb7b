using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Grok.Emulation;

/// <summary>Builds sample JSON values that satisfy a JSON schema's required properties.</summary>
internal static class SampleJson
{
    private const int MaxDepth = 8;

    /// <summary>
    /// Tool arguments: an object with each required property set to a sample of its type
    /// (string "sample", integer 1, number 1.5, boolean true, array [], object {}).
    /// </summary>
    public static JsonObject ForToolArguments(JsonElement? schema)
    {
        var result = new JsonObject();
        if (schema is not { ValueKind: JsonValueKind.Object } root)
        {
            return result;
        }

        foreach (var name in RequiredNames(root))
        {
            var property = PropertySchema(root, name);
            result[name] = property is { } p ? Shallow(root, p) : JsonValue.Create("sample");
        }

        return result;
    }

    /// <summary>A structured-output answer: objects get their required properties and arrays one item, recursively.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="maxNodes">The most values the answer may hold; a schema that fans out further is refused.</param>
    /// <exception cref="ArgumentException">The answer would hold more than <paramref name="maxNodes"/> values.</exception>
    public static JsonNode? ForSchema(JsonElement schema, int maxNodes)
    {
        var budget = maxNodes;
        return Deep(schema, schema, 0, ref budget);
    }

    private static JsonNode? Shallow(JsonElement root, JsonElement schema)
    {
        schema = Resolve(root, schema);
        if (FixedValue(schema) is { } fixedValue)
        {
            return fixedValue;
        }

        return TypeOf(schema) switch
        {
            "array" => new JsonArray(),
            "object" => new JsonObject(),
            "null" => null,
            var type => Scalar(type, schema),
        };
    }

    private static JsonNode? Deep(JsonElement root, JsonElement schema, int depth, ref int budget)
    {
        if (--budget < 0)
        {
            throw new ArgumentException("The response_format json_schema fans out too far: a sample answer would hold more values than GrokEmulatorOptions.MaxSchemaNodes allows.");
        }

        schema = Resolve(root, schema);
        if (FixedValue(schema) is { } fixedValue)
        {
            return fixedValue;
        }

        switch (TypeOf(schema))
        {
            case "object":
                var result = new JsonObject();
                if (depth < MaxDepth)
                {
                    foreach (var name in RequiredNames(schema))
                    {
                        result[name] = PropertySchema(schema, name) is { } property
                            ? Deep(root, property, depth + 1, ref budget)
                            : JsonValue.Create("sample");
                    }
                }

                return result;
            case "array":
                var array = new JsonArray();
                if (depth < MaxDepth && schema.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object)
                {
                    var count = schema.TryGetProperty("minItems", out var min) && min.TryGetInt32(out var m) ? Math.Clamp(m, 1, 10) : 1;
                    for (var i = 0; i < count; i++)
                    {
                        array.Add(Deep(root, items, depth + 1, ref budget));
                    }
                }

                return array;
            case "null":
                return null;
            case var type:
                return Scalar(type, schema);
        }
    }

    private static JsonNode Scalar(string type, JsonElement schema) => type switch
    {
        "integer" => JsonValue.Create(Minimum(schema) is { } min ? Math.Max(1, (long)Math.Ceiling(min)) : 1L),
        "number" => JsonValue.Create(Minimum(schema) is { } min ? Math.Max(1.5, min) : 1.5),
        "boolean" => JsonValue.Create(true),
        _ => JsonValue.Create(SampleString(schema)),
    };

    private static string SampleString(JsonElement schema)
    {
        var format = schema.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        return format switch
        {
            "date-time" => "2025-01-01T00:00:00Z",
            "date" => "2025-01-01",
            "time" => "00:00:00",
            "uuid" => "00000000-0000-4000-8000-000000000001",
            "email" => "sample@example.com",
            "uri" or "url" => "https://example.com/sample",
            _ => "sample",
        };
    }

    private static double? Minimum(JsonElement schema)
        => schema.TryGetProperty("minimum", out var min) && min.TryGetDouble(out var value) ? value : null;

    private static JsonNode? FixedValue(JsonElement schema)
    {
        if (schema.TryGetProperty("const", out var constant))
        {
            return JsonNode.Parse(constant.GetRawText());
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            foreach (var value in values.EnumerateArray())
            {
                if (value.ValueKind != JsonValueKind.Null)
                {
                    return JsonNode.Parse(value.GetRawText());
                }
            }
        }

        return null;
    }

    /// <summary>The schema's type: the first non-null of a type list, or guessed from its keywords.</summary>
    private static string TypeOf(JsonElement schema)
    {
        if (schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.String)
            {
                return type.GetString() ?? "string";
            }

            if (type.ValueKind == JsonValueKind.Array)
            {
                var result = "null";
                foreach (var item in type.EnumerateArray())
                {
                    if (item.GetString() is { } name && name != "null")
                    {
                        return name;
                    }
                }

                return result;
            }
        }

        if (schema.TryGetProperty("properties", out _))
        {
            return "object";
        }

        return schema.TryGetProperty("items", out _) ? "array" : "string";
    }

    /// <summary>Follows a local <c>$ref</c> and picks the first non-null branch of <c>anyOf</c> / <c>oneOf</c>.</summary>
    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        for (var hops = 0; hops < MaxDepth && schema.ValueKind == JsonValueKind.Object; hops++)
        {
            if (schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } pointer && pointer.StartsWith('#'))
            {
                if (Follow(root, pointer) is not { } target)
                {
                    return schema;
                }

                schema = target;
                continue;
            }

            if ((schema.TryGetProperty("anyOf", out var branches) || schema.TryGetProperty("oneOf", out branches))
                && branches.ValueKind == JsonValueKind.Array
                && !schema.TryGetProperty("type", out _))
            {
                JsonElement? chosen = null;
                foreach (var branch in branches.EnumerateArray())
                {
                    if (!(branch.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"))
                    {
                        chosen = branch;
                        break;
                    }
                }

                if (chosen is not { } next)
                {
                    return schema;
                }

                schema = next;
                continue;
            }

            break;
        }

        return schema;
    }

    private static JsonElement? Follow(JsonElement root, string pointer)
    {
        var current = root;
        foreach (var segment in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static string[] RequiredNames(JsonElement schema)
    {
        if (!schema.TryGetProperty("required", out var required) || required.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var names = new string[required.GetArrayLength()];
        var i = 0;
        foreach (var item in required.EnumerateArray())
        {
            names[i++] = item.GetString() ?? "";
        }

        return names;
    }

    private static JsonElement? PropertySchema(JsonElement schema, string name)
        => schema.TryGetProperty("properties", out var properties)
            && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty(name, out var property)
            && property.ValueKind == JsonValueKind.Object
                ? property
                : null;
}
