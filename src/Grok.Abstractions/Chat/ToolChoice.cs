using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>
/// Which tool the model must use: <c>none</c>, <c>auto</c>, <c>required</c>, or one named function
/// (<c>{ "type": "function", "function": { "name": ... } }</c>). A string converts implicitly.
/// </summary>
[JsonConverter(typeof(Converter))]
public sealed class ToolChoice : IEquatable<ToolChoice>
{
    private ToolChoice(string? mode, string? functionName)
    {
        Mode = mode;
        FunctionName = functionName;
    }

    /// <summary>Gets the model may not call tools.</summary>
    public static ToolChoice None { get; } = new("none", null);

    /// <summary>Gets the model decides (the default when tools are given).</summary>
    public static ToolChoice Auto { get; } = new("auto", null);

    /// <summary>Gets the model must call at least one tool.</summary>
    public static ToolChoice Required { get; } = new("required", null);

    /// <summary>Gets the mode string, or null when a function is named.</summary>
    public string? Mode { get; }

    /// <summary>Gets the function the model must call, or null for a mode.</summary>
    public string? FunctionName { get; }

    /// <summary>The model must call this function.</summary>
    /// <param name="name">The function name.</param>
    /// <returns>The choice.</returns>
    public static ToolChoice ForFunction(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new ToolChoice(null, name);
    }

    /// <summary>A mode by its wire name.</summary>
    /// <param name="mode"><c>none</c>, <c>auto</c>, <c>required</c>, or a newer one.</param>
    /// <returns>The choice.</returns>
    public static ToolChoice FromMode(string mode)
    {
        ArgumentException.ThrowIfNullOrEmpty(mode);
        return mode switch
        {
            "none" => None,
            "auto" => Auto,
            "required" => Required,
            _ => new ToolChoice(mode, null),
        };
    }

    /// <summary>Converts a mode string.</summary>
    /// <param name="mode">The mode.</param>
    public static implicit operator ToolChoice(string mode) => FromMode(mode);

    /// <inheritdoc />
    public bool Equals(ToolChoice? other) => other is not null && Mode == other.Mode && FunctionName == other.FunctionName;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ToolChoice);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Mode, FunctionName);

    /// <inheritdoc />
    public override string ToString() => Mode ?? "function:" + FunctionName;

    /// <summary>Reads and writes the string or object form.</summary>
    internal sealed class Converter : JsonConverter<ToolChoice>
    {
        public override ToolChoice? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                return FromMode(reader.GetString()!);
            }

            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("function", out var function)
                && function.ValueKind == JsonValueKind.Object
                && function.TryGetProperty("name", out var name)
                && name.GetString() is { Length: > 0 } functionName)
            {
                return ForFunction(functionName);
            }

            throw new JsonException("tool_choice must be a string or { \"type\": \"function\", \"function\": { \"name\": ... } }.");
        }

        public override void Write(Utf8JsonWriter writer, ToolChoice value, JsonSerializerOptions options)
        {
            if (value.Mode is not null)
            {
                writer.WriteStringValue(value.Mode);
                return;
            }

            writer.WriteStartObject();
            writer.WriteString("type"u8, "function");
            writer.WriteStartObject("function"u8);
            writer.WriteString("name"u8, value.FunctionName);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }
}
