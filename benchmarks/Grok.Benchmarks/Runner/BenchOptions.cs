using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Grok.Benchmarks.Runner;

/// <summary>The command line of a suite run.</summary>
internal sealed record BenchOptions(bool Smoke, int Turns, int ColdTurns, int GeneratorRuns, ISet<string> Only, string? Out, string? AotBinary)
{
    public static readonly string[] Parts = ["plain", "c200", "c2000", "rplain", "r200", "cold", "generator", "ablation", "aot"];

    public bool Includes(string part) => Only.Contains(part);

    public static BenchOptions Parse(string[] args)
    {
        var smoke = args.Contains("--smoke");
        int Int(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }

        string? Text(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        // "aot" needs the published app (benchmarks/aot.sh passes --aot-binary), so it runs only when asked for.
        var only = Text("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
            ?? Parts.Where(p => p != "aot" || Text("--aot-binary") is not null).ToHashSet(StringComparer.Ordinal);
        var unknown = only.Except(Parts).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown part(s) {string.Join(", ", unknown)}; use {string.Join(",", Parts)}.");
        }

        return new BenchOptions(
            smoke,
            Int("--turns", smoke ? 2 : 25),
            Int("--cold-turns", smoke ? 1 : 10),
            Int("--generator-runs", smoke ? 1 : 7),
            only,
            Text("--out"),
            Text("--aot-binary"));
    }
}
