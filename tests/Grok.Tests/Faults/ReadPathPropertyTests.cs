using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CsCheck;
using Grok.Streaming;

namespace Grok.Tests.Faults;

/// <summary>
/// The stream reader's two shortcuts (taken for speed) decide exactly what their plain definitions decide, on generated
/// input: the one-pass vectorized pre-check for meaningful member names (<see cref="EventParser"/>), and the event-size
/// watch (<see cref="EventBodyStream"/>) that counts only what follows a read's last event boundary when the read
/// cannot hold a too-large event.
/// </summary>
public sealed class ReadPathPropertyTests
{
    private const ulong Seed = 20261130UL;

    // Bytes that matter to the pre-check, and filler, so that needles, near misses and window edges all occur.
    private static readonly Gen<string> s_piece = Gen.OneOf(
        Gen.OneOf("\"type\"", "\"error\"", "\"code\"", "\\u", "\"typ", "\"err", "\"cod", "\"t", "\"e", "\"c", "\\", "u", "\"", "e\"", "type", "error", "code", "\"tape\"", "\"cove\"", "\"eagle\""),
        Gen.OneOf("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"", "\"}}]}", "chat.completion.chunk", " ", ":", ","),
        Gen.String[0, 20]);

    /// <summary>The definition: any of the quoted names, or a <c>\u</c> escape, anywhere in the event.</summary>
    private static bool MayNameAMeaningfulMemberByDefinition(ReadOnlySpan<byte> json)
        => json.IndexOf("\"type\""u8) >= 0
            || json.IndexOf("\"error\""u8) >= 0
            || json.IndexOf("\"code\""u8) >= 0
            || json.IndexOf("\\u"u8) >= 0;

    [Fact]
    public void Vectorized_precheck_agrees_with_the_four_searches_it_replaces()
    {
        var gen = s_piece.Array[0, 40].Select(pieces => Encoding.UTF8.GetBytes(string.Concat(pieces)));
        foreach (var bytes in Generate(gen, 3000))
        {
            // Every suffix and prefix too, so each needle is seen at every offset against the 32-byte steps and the tail.
            for (var cut = 0; cut < Math.Min(bytes.Length, 40); cut++)
            {
                foreach (var json in new[] { bytes.AsMemory(cut), bytes.AsMemory(0, bytes.Length - cut) })
                {
                    Assert.True(
                        MayNameAMeaningfulMemberByDefinition(json.Span) == EventParser.MayNameAMeaningfulMember(json.Span),
                        $"disagree on {Encoding.UTF8.GetString(json.Span)}");
                }
            }
        }
    }

    [Fact]
    public void Precheck_finds_each_needle_at_every_offset_and_not_one_byte_short()
    {
        foreach (var needle in new[] { "\"type\"", "\"error\"", "\"code\"", "\\u" })
        {
            for (var length = needle.Length; length < 120; length++)
            {
                for (var offset = 0; offset + needle.Length <= length; offset++)
                {
                    var json = Encoding.UTF8.GetBytes(new string('x', offset) + needle + new string('y', length - offset - needle.Length));
                    Assert.True(EventParser.MayNameAMeaningfulMember(json), $"{needle} at {offset} of {length}");
                    json[offset + needle.Length - 1] = (byte)'z';
                    Assert.False(EventParser.MayNameAMeaningfulMember(json), $"{needle} broken at {offset} of {length}");
                }
            }
        }
    }

    // Lines of an event stream with every kind of line end, split into reads anywhere.
    private static readonly Gen<string> s_line = Gen.OneOf(
        Gen.Int[0, 30].Select(n => "data: " + new string('d', n)),
        Gen.Const(""),
        Gen.Const(": keep-alive"));

    private static readonly Gen<string> s_lineEnd = Gen.OneOf("\n", "\r\n", "\r");

    [Fact]
    public async Task Event_size_watch_throws_exactly_where_a_byte_by_byte_count_does()
    {
        var cases = Gen.Select(
            Gen.Select(s_line, s_lineEnd, (line, end) => line + end).Array[1, 30],
            Gen.Int[1, 40].Array[1, 30],
            Gen.Int[4, 60]);
        var failures = new List<string>();
        foreach (var (lines, readSizes, limit) in Generate(cases, 2000))
        {
            var body = Encoding.ASCII.GetBytes(string.Concat(lines));
            var expected = FirstTooLargeOffset(body, limit);
            var actual = await ReadThroughWatchAsync(body, readSizes, limit);

            // The watch sees whole reads, so it throws at the read holding the offending byte.
            var ok = expected is null ? actual is null : actual is not null && actual.Value.Start <= expected && expected < actual.Value.End;
            if (!ok)
            {
                failures.Add($"limit {limit}, reads [{string.Join(",", readSizes)}], body {Escape(body)}: expected {expected?.ToString() ?? "none"}, got {actual?.ToString() ?? "none"}");
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>The definition: the offset of the first byte that makes an event's non-line-end bytes exceed the limit.</summary>
    private static int? FirstTooLargeOffset(byte[] body, int limit)
    {
        var eventBytes = 0;
        var atLineStart = true;
        var afterCarriageReturn = false;
        for (var i = 0; i < body.Length; i++)
        {
            var b = body[i];
            if (b is (byte)'\r' or (byte)'\n')
            {
                if (b == (byte)'\n' && afterCarriageReturn)
                {
                    afterCarriageReturn = false;
                    continue;
                }

                afterCarriageReturn = b == (byte)'\r';
                if (atLineStart)
                {
                    eventBytes = 0;
                }

                atLineStart = true;
                continue;
            }

            atLineStart = false;
            afterCarriageReturn = false;
            if (++eventBytes > limit)
            {
                return i;
            }
        }

        return null;
    }

    private static async Task<(int Start, int End)?> ReadThroughWatchAsync(byte[] body, int[] readSizes, int limit)
    {
        await using var watch = new EventBodyStream(new MemoryStream(body), limit);
        var position = 0;
        var buffer = new byte[64];
        for (var r = 0; position < body.Length; r++)
        {
            var size = Math.Min(readSizes[r % readSizes.Length], body.Length - position);
            try
            {
                var read = await watch.ReadAsync(buffer.AsMemory(0, size));
                Assert.Equal(size, read);
            }
            catch (EventTooLargeException)
            {
                return (position, position + size);
            }

            position += size;
        }

        return null;
    }

    private static IEnumerable<T> Generate<T>(Gen<T> gen, int count)
    {
        var pcg = new PCG(1, Seed);
        for (var i = 0; i < count; i++)
        {
            yield return gen.Generate(pcg, null, out _);
        }
    }

    private static string Escape(byte[] body) => Encoding.ASCII.GetString(body).Replace("\r", "\\r").Replace("\n", "\\n");
}
