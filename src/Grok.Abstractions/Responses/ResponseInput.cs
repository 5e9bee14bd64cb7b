using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>
/// A request's <c>input</c>: a string (<c>Input = "Hello"</c>) or a list of items
/// (<c>Input = [ResponseInputItem.System("Be brief."), ResponseInputItem.User("Hello")]</c>).
/// </summary>
[JsonConverter(typeof(Converter))]
[CollectionBuilder(typeof(ResponseInput), nameof(Create))]
public sealed class ResponseInput : IReadOnlyList<ResponseInputItem>
{
    private readonly ResponseInputItem[] _items;

    private ResponseInput(string? text, ResponseInputItem[] items)
    {
        Text = text;
        _items = items;
    }

    /// <summary>Gets the text when the input is a plain string; null for a list of items.</summary>
    public string? Text { get; }

    /// <summary>Gets the items; empty for a plain string.</summary>
    public IReadOnlyList<ResponseInputItem> Items => _items;

    /// <summary>Gets the number of items (0 for a plain string).</summary>
    public int Count => _items.Length;

    /// <summary>Gets whether there is nothing to send: an empty string or no items.</summary>
    public bool IsEmpty => Text is null ? _items.Length == 0 : Text.Length == 0;

    /// <summary>Gets the item at <paramref name="index"/>.</summary>
    /// <param name="index">The index.</param>
    public ResponseInputItem this[int index] => _items[index];

    /// <summary>Converts a string into an input of text.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator ResponseInput(string text) => FromText(text);

    /// <summary>Creates an input of text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The input.</returns>
    public static ResponseInput FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new ResponseInput(text, []);
    }

    /// <summary>Creates an input of items; collection expressions call it.</summary>
    /// <param name="items">The items.</param>
    /// <returns>The input.</returns>
    public static ResponseInput Create(ReadOnlySpan<ResponseInputItem> items)
    {
        var copy = items.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null)
            {
                throw new ArgumentException($"Input item {i} is null.", nameof(items));
            }
        }

        return new ResponseInput(null, copy);
    }

    /// <summary>Creates an input of items.</summary>
    /// <param name="items">The items.</param>
    /// <returns>The input.</returns>
    public static ResponseInput FromItems(IEnumerable<ResponseInputItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Create([.. items]);
    }

    /// <summary>Returns an input of these items followed by <paramref name="more"/> (a string input becomes a user message first).</summary>
    /// <param name="more">The items to append.</param>
    /// <returns>A new input.</returns>
    public ResponseInput Append(params ResponseInputItem[] more)
    {
        ArgumentNullException.ThrowIfNull(more);
        var head = Text is null ? _items : [ResponseInputItem.User(Text)];
        return Create([.. head, .. more]);
    }

    /// <inheritdoc />
    public IEnumerator<ResponseInputItem> GetEnumerator() => ((IEnumerable<ResponseInputItem>)_items).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => Text ?? $"[{_items.Length} items]";

    /// <summary>Reads and writes the string or array form.</summary>
    internal sealed class Converter : JsonConverter<ResponseInput>
    {
        public override ResponseInput? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return FromText(reader.GetString()!);
                case JsonTokenType.StartArray:
                    var items = JsonSerializer.Deserialize(ref reader, GrokJsonContext.Default.IListResponseInputItem) ?? [];
                    return FromItems(items);
                default:
                    throw new JsonException("input must be a string or an array of items.");
            }
        }

        public override void Write(Utf8JsonWriter writer, ResponseInput value, JsonSerializerOptions options)
        {
            if (value.Text is not null)
            {
                writer.WriteStringValue(value.Text);
                return;
            }

            writer.WriteStartArray();
            foreach (var item in value._items)
            {
                ResponseItemJsonConverter.Write(writer, item);
            }

            writer.WriteEndArray();
        }
    }
}
