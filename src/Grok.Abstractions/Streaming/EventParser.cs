using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Grok.Streaming;

/// <summary>
/// Reads one stream's server-sent events: each event's value (JSON, or raw text for <see cref="string"/>) and what it
/// means (<see cref="LastKind"/>): skipped, a value, the end (<c>[DONE]</c>), a value after which the body may end (a
/// Responses terminal event), or an error event (thrown as <see cref="ErrorEventException"/>). Both dialects: chat's
/// <c>data:</c>-only frames and Responses' named events.
/// </summary>
/// <remarks>
/// The SSE parser is instantiated over <typeparamref name="T"/> itself and the meaning travels beside it, in
/// <see cref="LastKind"/>, which <c>SseParser</c> makes safe: it parses an event and yields it at once. Wrapping each
/// value in a struct (<c>SseParser&lt;StreamEvent&lt;T&gt;&gt;</c>) cost about a tenth of a 2,000-chunk stream in
/// generic-dictionary lookups, measured against the hand-written client.
/// </remarks>
/// <typeparam name="T">The event type.</typeparam>
internal sealed class EventReader<T>
{
    private readonly JsonTypeInfo<T>? _typeInfo;

    /// <summary>Creates the reader: raw text for <see cref="string"/> (<paramref name="typeInfo"/> null), else JSON.</summary>
    public EventReader(JsonTypeInfo<T>? typeInfo)
    {
        _typeInfo = typeInfo;
        Parse = ParseEvent;
    }

    /// <summary>Gets the parser to give <c>SseParser.Create</c>.</summary>
    public SseItemParser<T?> Parse { get; }

    /// <summary>Gets what the event <see cref="Parse"/> returned last means.</summary>
    public EventKind LastKind { get; private set; }

    private T? ParseEvent(string eventType, ReadOnlySpan<byte> data)
    {
        LastKind = EventParser.Classify(eventType, data);
        if (LastKind is EventKind.Skip or EventKind.Done)
        {
            return default;
        }

        if (_typeInfo is null)
        {
            return (T)(object)Encoding.UTF8.GetString(data);
        }

        return JsonSerializer.Deserialize(data, _typeInfo) ?? throw new JsonException($"The event's data is JSON null, not a {typeof(T).Name}.");
    }
}

/// <summary>What an event means, by its SSE name and its data; see <see cref="EventReader{T}"/>.</summary>
internal static class EventParser
{
    /// <summary>The SSE event name an unnamed event gets.</summary>
    private const string DefaultEventType = "message";

    /// <summary>Creates the reader of one stream for <typeparamref name="T"/>: raw text for <see cref="string"/>, else JSON.</summary>
    public static EventReader<T> Create<T>(JsonTypeInfo<T>? typeInfo) => new(typeInfo);

    /// <summary>What an event means; throws <see cref="ErrorEventException"/> for an error event.</summary>
    public static EventKind Classify(string eventType, ReadOnlySpan<byte> data)
    {
        var trimmed = data.Trim(" \t\r\n"u8);
        if (trimmed.IsEmpty)
        {
            return EventKind.Skip;
        }

        if (trimmed.SequenceEqual("[DONE]"u8))
        {
            return EventKind.Done;
        }

        var named = !string.Equals(eventType, DefaultEventType, StringComparison.Ordinal);
        var meaning = named ? ClassifyName(eventType) : Meaning.Data;
        if (meaning == Meaning.Data)
        {
            meaning = Inspect(trimmed);
        }

        if (meaning == Meaning.Error)
        {
            var text = Encoding.UTF8.GetString(trimmed);
            var (code, message) = GrokApiException.ParseErrorBody(text);
            throw new ErrorEventException($"the server sent an error event: {message ?? code ?? text}", code);
        }

        return meaning == Meaning.Terminal ? EventKind.Terminal : EventKind.Value;
    }

    private enum Meaning : byte
    {
        Data,
        Terminal,
        Error,
    }

    private static Meaning ClassifyName(ReadOnlySpan<char> type) => type switch
    {
        "error" => Meaning.Error,
        "response.completed" or "response.failed" or "response.incomplete" => Meaning.Terminal,
        _ => Meaning.Data,
    };

    /// <summary>
    /// Reads the top-level members of a JSON event for what it means: a <c>type</c> of <c>error</c> or a terminal
    /// Responses event; xAI's flat <c>{ code, error }</c> or OpenAI's <c>{ error: { ... } }</c> error shape.
    /// Nested values are skipped, not parsed.
    /// </summary>
    private static Meaning Inspect(ReadOnlySpan<byte> json)
    {
        if (json[0] != (byte)'{' || !MayNameAMeaningfulMember(json))
        {
            return Meaning.Data;
        }

        // Responses events lead with their type, written plainly: read it without a tokenizer. The reader below would
        // stop at the same member with the same answer.
        if (json.StartsWith("{\"type\":\""u8))
        {
            var value = json["{\"type\":\""u8.Length..];
            var end = value.IndexOfAny((byte)'"', (byte)'\\');
            if (end >= 0 && value[end] == (byte)'"')
            {
                value = value[..end];
                return value.SequenceEqual("error"u8) ? Meaning.Error
                    : value.SequenceEqual("response.completed"u8) || value.SequenceEqual("response.failed"u8) || value.SequenceEqual("response.incomplete"u8) ? Meaning.Terminal
                    : Meaning.Data;
            }
        }

        var reader = new Utf8JsonReader(json);
        try
        {
            reader.Read();
            var first = true;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return Meaning.Data;
                    }

                    return reader.ValueTextEquals("error"u8) ? Meaning.Error
                        : reader.ValueTextEquals("response.completed"u8) || reader.ValueTextEquals("response.failed"u8) || reader.ValueTextEquals("response.incomplete"u8) ? Meaning.Terminal
                        : Meaning.Data;
                }

                var isError = reader.ValueTextEquals("error"u8);
                var isCode = first && reader.ValueTextEquals("code"u8);
                reader.Read();
                if ((isError && reader.TokenType is not JsonTokenType.Null) || isCode)
                {
                    return Meaning.Error;
                }

                reader.Skip();
                first = false;
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: the reader of T reports it.
        }

        return Meaning.Data;
    }

    /// <summary>
    /// Whether <see cref="Inspect"/> could find anything: only members named <c>type</c>, <c>error</c> or <c>code</c>
    /// mean something, and such a name is either written as it is or spelled with a <c>\u</c> escape (no other JSON
    /// escape makes a letter). A chat chunk usually has none, so it is not tokenized twice; any hit, even inside a
    /// string, falls back to the full scan.
    /// </summary>
    internal static bool MayNameAMeaningfulMember(ReadOnlySpan<byte> json)
        => Vector256.IsHardwareAccelerated && json.Length >= Window
            ? MayNameAMeaningfulMemberVectorized(json)
            : json.IndexOf("\"type\""u8) >= 0 || json.IndexOf("\"error\""u8) >= 0 || json.IndexOf("\"code\""u8) >= 0 || json.IndexOf("\\u"u8) >= 0;

    // 32 starting positions per step, each looking 6 bytes ahead.
    private const int Window = 32 + 6;

    /// <summary>
    /// The same answer as the four searches, in one pass: this runs on every chunk of every stream, and the profile
    /// showed the four <c>IndexOf</c> scans as the largest single cost of the reader over a hand-written client (their
    /// anchor bytes, quotes and common letters, match all over JSON). A position is a candidate when it holds a quote,
    /// then <c>t</c> or <c>c</c> with a quote 5 bytes on (<c>"type"</c>, <c>"code"</c>) or <c>e</c> with a quote 6 on
    /// (<c>"error"</c>), or a backslash then <c>u</c>; candidates are rare and each is checked exactly. A property test
    /// holds it to the four searches.
    /// </summary>
    private static bool MayNameAMeaningfulMemberVectorized(ReadOnlySpan<byte> json)
    {
        ref var start = ref MemoryMarshal.GetReference(json);
        var last = json.Length - Window;
        for (var i = 0; ; i += 32)
        {
            // The last step overlaps the one before so that no position is left over.
            var at = Math.Min(i, last);
            var hits = Candidates(ref start, (nuint)at);
            for (var mask = hits; mask != 0; mask &= mask - 1)
            {
                var rest = json[(at + BitOperations.TrailingZeroCount(mask))..];
                if (rest.StartsWith("\"type\""u8) || rest.StartsWith("\"error\""u8) || rest.StartsWith("\"code\""u8) || rest.StartsWith("\\u"u8))
                {
                    return true;
                }
            }

            if (at == last)
            {
                // The last 6 bytes start no window of their own: a 6-byte name or an escape can start there too.
                var tail = json[(last + 32)..];
                return tail.StartsWith("\"type\""u8) || tail.StartsWith("\"code\""u8) || tail.IndexOf("\\u"u8) >= 0;
            }
        }
    }

    private static uint Candidates(ref byte start, nuint offset)
    {
        var here = Vector256.LoadUnsafe(ref start, offset);
        var next = Vector256.LoadUnsafe(ref start, offset + 1);
        var quoteAt5 = Vector256.Equals(Vector256.LoadUnsafe(ref start, offset + 5), Vector256.Create((byte)'"'));
        var quoteAt6 = Vector256.Equals(Vector256.LoadUnsafe(ref start, offset + 6), Vector256.Create((byte)'"'));
        var name = Vector256.Equals(here, Vector256.Create((byte)'"'))
            & (((Vector256.Equals(next, Vector256.Create((byte)'t')) | Vector256.Equals(next, Vector256.Create((byte)'c'))) & quoteAt5)
                | (Vector256.Equals(next, Vector256.Create((byte)'e')) & quoteAt6));
        var escape = Vector256.Equals(here, Vector256.Create((byte)'\\')) & Vector256.Equals(next, Vector256.Create((byte)'u'));
        return (name | escape).ExtractMostSignificantBits();
    }
}
