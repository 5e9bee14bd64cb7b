using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>
/// Which tool the model must use: <c>none</c>, <c>auto</c>, <c>required</c>, or one named function
/// (<c>{ "type": "function", "name": ... }</c>, flat, unlike chat). A string converts implicitly.
/// </summary>
[JsonConverter(typeof(Converter))]
public sealed class ResponseToolChoice : IEquatable<ResponseToolChoice>
{
    private ResponseToolChoice(string? mode, string? functionName)
    {
        Mode = mode;
        FunctionName = functionName;
    }

    /// <summary>Gets the choice that the model may not call tools.</summary>
    public static ResponseToolChoice None { get; } = new("none", null);

    /// <summary>Gets the choice that the model decides (the default when tools are given).</summary>
    public static ResponseToolChoice Auto { get; } = new("auto", null);

    /// <summary>Gets the choice that the model must call at least one tool.</summary>
    public static ResponseToolChoice Required { get; } = new("required", null);

    /// <summary>Gets the mode string, or null when a function is named.</summary>
    public string? Mode { get; }

    /// <summary>Gets the function the model must call, or null for a mode.</summary>
    public string? FunctionName { get; }

    /// <summary>The model must call this function.</summary>
    /// <param name="name">The function name.</param>
    /// <returns>The choice.</returns>
    public static ResponseToolChoice ForFunction(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new ResponseToolChoice(null, name);
    }

    /// <summary>A mode by its wire name.</summary>
    /// <param name="mode"><c>none</c>, <c>auto</c>, <c>required</c>, or a newer one.</param>
    /// <returns>The choice.</returns>
    public static ResponseToolChoice FromMode(string mode)
    {
        ArgumentException.ThrowIfNullOrEmpty(mode);
        return mode switch
        {
            "none" => None,
            "auto" => Auto,
            "required" => Required,
            _ => new ResponseToolChoice(mode, null),
        };
    }

    /// <summary>Converts a mode string.</summary>
    /// <param name="mode">The mode.</param>
    public static implicit operator ResponseToolChoice(string mode) => FromMode(mode);

    /// <inheritdoc />
    public bool Equals(ResponseToolChoice? other) => other is not null && Mode == other.Mode && FunctionName == other.FunctionName;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ResponseToolChoice);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Mode, FunctionName);

    /// <inheritdoc />
    public override string ToString() => Mode ?? "function:" + FunctionName;

    /// <summary>Reads and writes the string or object form (the chat form <c>{ "function": { "name" } }</c> is read too).</summary>
    internal sealed class Converter : JsonConverter<ResponseToolChoice>
    {
        public override ResponseToolChoice? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                return FromMode(reader.GetString()!);
            }

            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() is { Length: > 0 } flat)
                {
                    return ForFunction(flat);
                }

                if (root.TryGetProperty("function", out var function) && function.ValueKind == JsonValueKind.Object
                    && function.TryGetProperty("name", out var nested) && nested.GetString() is { Length: > 0 } nestedName)
                {
                    return ForFunction(nestedName);
                }
            }

            throw new JsonException("tool_choice must be a string or { \"type\": \"function\", \"name\": ... }.");
        }

        public override void Write(Utf8JsonWriter writer, ResponseToolChoice value, JsonSerializerOptions options)
        {
            if (value.Mode is not null)
            {
                writer.WriteStringValue(value.Mode);
                return;
            }

            writer.WriteStartObject();
            writer.WriteString("type"u8, "function");
            writer.WriteString("name"u8, value.FunctionName);
            writer.WriteEndObject();
        }
    }
}
