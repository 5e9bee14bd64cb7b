using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Grok.Responses;

/// <summary>Reads input and output items by their <c>type</c> into their own classes, and unknown kinds as their JSON.</summary>
internal static class ResponseItemJsonConverter
{
    /// <summary>Reads an input item: messages, function results and compactions, or any output item.</summary>
    /// <param name="element">The item's JSON.</param>
    /// <returns>The item.</returns>
    public static ResponseInputItem ReadInput(JsonElement element)
    {
        var type = TypeOf(element);
        switch (type)
        {
            case null or "message" when element.TryGetProperty("role", out _):
                return IsOutputMessage(element, type)
                    ? element.Deserialize(GrokJsonContext.Default.ResponseMessageItem)!
                    : element.Deserialize(GrokJsonContext.Default.ResponseInputMessage)!;
            case "function_call_output":
                return element.Deserialize(GrokJsonContext.Default.FunctionCallOutputItem)!;
            case "compaction":
                return element.Deserialize(GrokJsonContext.Default.CompactionItem)!;
            case "shell_call_output":
                return element.Deserialize(GrokJsonContext.Default.ShellCallOutputItem)!;
            default:
                return ReadOutput(element);
        }
    }

    /// <summary>Reads an output item by its <c>type</c>; unknown kinds become <see cref="UnknownResponseItem"/>.</summary>
    /// <param name="element">The item's JSON.</param>
    /// <returns>The item.</returns>
    public static ResponseItem ReadOutput(JsonElement element)
    {
        var context = GrokJsonContext.Default;
        return TypeOf(element) switch
        {
            "message" => element.Deserialize(context.ResponseMessageItem)!,
            "function_call" => element.Deserialize(context.FunctionCallItem)!,
            "reasoning" => element.Deserialize(context.ReasoningItem)!,
            "web_search_call" => element.Deserialize(context.WebSearchCallItem)!,
            "x_search_call" => element.Deserialize(context.XSearchCallItem)!,
            "custom_tool_call" => element.Deserialize(context.CustomToolCallItem)!,
            "code_interpreter_call" => element.Deserialize(context.CodeInterpreterCallItem)!,
            "file_search_call" => element.Deserialize(context.FileSearchCallItem)!,
            "mcp_call" => element.Deserialize(context.McpCallItem)!,
            "image_generation_call" => element.Deserialize(context.ImageGenerationCallItem)!,
            "shell_call" => element.Deserialize(context.ShellCallItem)!,
            "tool_search_call" => element.Deserialize(context.ToolSearchCallItem)!,
            "tool_search_output" => element.Deserialize(context.ToolSearchOutputItem)!,
            _ => new UnknownResponseItem(element),
        };
    }

    /// <summary>Writes any item as its own class.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The item.</param>
    public static void Write(Utf8JsonWriter writer, ResponseInputItem value)
    {
        if (value is UnknownResponseItem unknown)
        {
            unknown.Json.WriteTo(writer);
            return;
        }

        JsonTypeInfo typeInfo = GrokJsonContext.Default.GetTypeInfo(value.GetType())
            ?? throw new NotSupportedException($"{value.GetType().Name} is not a Responses item the JSON context knows.");
        JsonSerializer.Serialize(writer, value, typeInfo);
    }

    private static string? TypeOf(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A Responses item must be a JSON object.");
        }

        return element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;
    }

    /// <summary>An assistant message with output parts is an earlier output sent back; anything else is an input message.</summary>
    private static bool IsOutputMessage(JsonElement element, string? type)
    {
        if (type != "message" || !element.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var part in content.EnumerateArray())
        {
            var partType = part.ValueKind == JsonValueKind.Object && part.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (partType is not ("output_text" or "refusal"))
            {
                return false;
            }
        }

        return element.TryGetProperty("role", out var role) && role.ValueEquals("assistant"u8);
    }

    /// <summary>The converter of <see cref="ResponseInputItem"/>.</summary>
    internal sealed class Input : JsonConverter<ResponseInputItem>
    {
        public override ResponseInputItem? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return ReadInput(document.RootElement);
        }

        public override void Write(Utf8JsonWriter writer, ResponseInputItem value, JsonSerializerOptions options)
            => ResponseItemJsonConverter.Write(writer, value);
    }

    /// <summary>The converter of <see cref="ResponseItem"/>.</summary>
    internal sealed class Output : JsonConverter<ResponseItem>
    {
        public override ResponseItem? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return ReadOutput(document.RootElement);
        }

        public override void Write(Utf8JsonWriter writer, ResponseItem value, JsonSerializerOptions options)
            => ResponseItemJsonConverter.Write(writer, value);
    }
}
