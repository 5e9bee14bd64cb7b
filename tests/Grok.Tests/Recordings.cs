using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace Grok.Tests;

/// <summary>One recorded api.x.ai exchange (go-vcr cassette format).</summary>
public sealed record RecordedExchange(string Case, int Index, string RequestBody, int Status, string ContentType, string ResponseBody)
{
    public bool IsStream => ContentType.StartsWith("text/event-stream", StringComparison.Ordinal);

    public override string ToString() => $"{Case}#{Index}";
}

/// <summary>Reads the recordings copied from shared/recordings (see Recordings/README.md for their origin).</summary>
public static class Recordings
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Recordings", "xai");

    public static IReadOnlyList<RecordedExchange> All { get; } = Load();

    public static IEnumerable<object[]> Plain => All.Where(e => !e.IsStream).Select(e => new object[] { e.ToString() });

    public static IEnumerable<object[]> Streamed => All.Where(e => e.IsStream).Select(e => new object[] { e.ToString() });

    public static IEnumerable<object[]> Every => All.Select(e => new object[] { e.ToString() });

    public static RecordedExchange Get(string name) => All.Single(e => e.ToString() == name);

    private static List<RecordedExchange> Load()
    {
        var exchanges = new List<RecordedExchange>();
        foreach (var file in Directory.GetFiles(Folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var yaml = new YamlStream();
            using (var reader = File.OpenText(file))
            {
                yaml.Load(reader);
            }

            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            var name = Path.GetRelativePath(Folder, file).Replace('\\', '/').Replace(".yaml", "", StringComparison.Ordinal);
            var index = 0;
            foreach (YamlMappingNode interaction in (YamlSequenceNode)root["interactions"])
            {
                var request = (YamlMappingNode)interaction["request"];
                var response = (YamlMappingNode)interaction["response"];
                var headers = (YamlMappingNode)response["headers"];
                var contentType = headers.Children.First(h => string.Equals(((YamlScalarNode)h.Key).Value, "Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
                exchanges.Add(new RecordedExchange(
                    name,
                    index++,
                    ((YamlScalarNode)request["body"]).Value!,
                    int.Parse(((YamlScalarNode)response["code"]).Value!, System.Globalization.CultureInfo.InvariantCulture),
                    ((YamlScalarNode)((YamlSequenceNode)contentType)[0]).Value!,
                    ((YamlScalarNode)response["body"]).Value!));
            }
        }

        return exchanges;
    }
}
