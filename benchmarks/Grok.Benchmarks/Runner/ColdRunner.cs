using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Grok.Benchmarks.Contenders;
using Grok.Benchmarks.Server;

namespace Grok.Benchmarks.Runner;

/// <summary>
/// Cold start: one fresh process per sample (<c>--cold NAME ROOT</c>) that creates the client and makes its first
/// plain call; samples interleaved in turns with a rotating start, each ratio the median of per-turn paired ratios.
/// </summary>
internal static class ColdRunner
{
    public static async Task<List<Ratio>> RunAsync(Uri root, IReadOnlyList<Contender> contenders, int turns, TextWriter log)
    {
        var names = contenders.Where(c => c.Supports(Scenario.Plain)).Select(c => c.Name).ToList();
        var create = names.ToDictionary(n => n, _ => new double[turns]);
        var total = names.ToDictionary(n => n, _ => new double[turns]);
        for (var turn = 0; turn < turns; turn++)
        {
            for (var k = 0; k < names.Count; k++)
            {
                var name = names[(turn + k) % names.Count];
                var (c, t) = await SampleAsync(name, root).ConfigureAwait(false);
                create[name][turn] = c;
                total[name][turn] = t;
            }
        }

        var ratios = new List<Ratio>();
        foreach (var contender in contenders.Where(c => names.Contains(c.Name)))
        {
            var baseline = contender.BaselineFor(Scenario.Plain);
            var perTurn = Enumerable.Range(0, turns).Select(t => total[contender.Name][t] / total[baseline][t]).ToArray();
            log.WriteLine($"  cold {contender.Name}: create {Statistics.Median(create[contender.Name]) / 1000:0.0} ms, create + first call {Statistics.Median(total[contender.Name]) / 1000:0.0} ms");
            ratios.Add(new Ratio(
                "cold start: create + 1st call",
                contender.Name,
                baseline,
                Statistics.Median(perTurn),
                Statistics.Quantile(perTurn, 0.25),
                Statistics.Quantile(perTurn, 0.75),
                Statistics.Median(total[contender.Name]),
                Statistics.Median(create[contender.Name]),
                Statistics.Median(create[baseline]),
                turns));
        }

        return ratios;
    }

    /// <summary>The child's side: create, call once, print both times in microseconds.</summary>
    public static async Task<int> SampleInProcessAsync(string name, Uri root)
    {
        var contender = Contender.All().Single(c => c.Name == name);
        var watch = Stopwatch.StartNew();
        var call = contender.Prepare(Scenario.Plain, Scenario.Plain.BaseAddress(root));
        var created = watch.Elapsed.TotalMicroseconds;
        var read = await call().ConfigureAwait(false);
        var total = watch.Elapsed.TotalMicroseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"COLD {created:0} {total:0} {read}"));
        return read > 0 ? 0 : 1;
    }

    private static async Task<(double Create, double Total)> SampleAsync(string name, Uri root)
    {
        using var process = Process.Start(ServerProcess.Self($"--cold \"{name}\" {root}")) ?? throw new InvalidOperationException("Could not start a cold-start sample.");
        var output = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        var error = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("COLD ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The cold-start sample of {name} failed ({process.ExitCode}): {output} {error}");
        }

        var parts = line.Split(' ');
        return (double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture));
    }
}
