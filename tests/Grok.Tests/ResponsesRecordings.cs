using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Grok.Tests;

/// <summary>The recorded Responses API bodies (see Recordings/README.md) and the server-sent-event framings to replay them in.</summary>
public static class ResponsesRecordings
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Recordings", "responses");

    public static IEnumerable<object[]> PlainBodies
        => Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    public static IEnumerable<object[]> Streams
        => Directory.GetFiles(Folder, "*.chunks.txt").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    /// <summary>Every stream in four framings: with and without <c>event:</c> lines, with and without a trailing <c>[DONE]</c>.</summary>
    public static IEnumerable<object[]> StreamFramings
        => from stream in Streams
           from eventLines in new[] { true, false }
           from done in new[] { true, false }
           select new object[] { stream[0], eventLines, done };

    /// <summary>Every stream with and without <c>event:</c> lines (for copies cut before the terminal event).</summary>
    public static IEnumerable<object[]> StreamDialects
        => from stream in Streams
           from eventLines in new[] { true, false }
           select new object[] { stream[0], eventLines };

    public static string Read(string file) => File.ReadAllText(Path.Combine(Folder, file));

    /// <summary>The data lines of a <c>*.chunks.txt</c> file, one event each.</summary>
    public static IReadOnlyList<string> Events(string file)
        => File.ReadAllLines(Path.Combine(Folder, file)).Where(line => line.Length > 0).ToList();

    /// <summary>Frames the events as a server-sent-event body, as xAI sends it (<c>event:</c> then <c>data:</c>) or data-only.</summary>
    public static string Frame(IEnumerable<string> events, bool eventLines, bool done)
    {
        var body = new StringBuilder();
        foreach (var data in events)
        {
            if (eventLines)
            {
                using var document = JsonDocument.Parse(data);
                body.Append("event: ").Append(document.RootElement.GetProperty("type").GetString()).Append('\n');
            }

            body.Append("data: ").Append(data).Append("\n\n");
        }

        if (done)
        {
            body.Append("data: [DONE]\n\n");
        }

        return body.ToString();
    }
}
