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
/// Cold start: one fresh process per sample (<c>--cold NAME SCENARIO ROOT</c>) that creates the client and makes its first
/// plain call; samples interleaved in turns with a rotating start, each ratio the median of per-turn paired ratios.
/// </summary>
internal static class ColdRunner
{
    /// <summary>Gets, per sample kind, the medians of what the process compiled and loaded by the end of its first call (whole process, runtime start included).</summary>
    public static Dictionary<string, (double Methods, double Ms, double Assemblies)> Jit { get; } = [];

    public static async Task<List<Ratio>> RunAsync(Uri root, IReadOnlyList<Contender> contenders, int turns, TextWriter log)
    {
        // Each contender's first plain call: chat completions, or Responses for a client that only speaks Responses
        // (then its baseline is sampled on Responses too).
        var samples = new List<(string Name, Scenario Scenario, string Baseline)>();
        foreach (var contender in contenders)
        {
            var scenario = contender.Supports(Scenario.Plain) ? Scenario.Plain : Scenario.ResponsesPlain;
            if (contender.Supports(scenario))
            {
                samples.Add((contender.Name, scenario, contender.BaselineFor(scenario)));
            }
        }

        foreach (var (_, scenario, baseline) in samples.ToList())
        {
            if (!samples.Any(s => s.Name == baseline && s.Scenario == scenario))
            {
                samples.Add((baseline, scenario, baseline));
            }
        }

        string Key(string name, Scenario scenario) => name + "|" + scenario.Prefix();
        var create = samples.ToDictionary(s => Key(s.Name, s.Scenario), _ => new double[turns]);
        var total = samples.ToDictionary(s => Key(s.Name, s.Scenario), _ => new double[turns]);
        var jit = samples.ToDictionary(s => Key(s.Name, s.Scenario), _ => new List<(double Methods, double Ms, double Assemblies)>());
        for (var turn = 0; turn < turns; turn++)
        {
            for (var k = 0; k < samples.Count; k++)
            {
                var (name, scenario, _) = samples[(turn + k) % samples.Count];
                var (c, t, methods, jitMs, assemblies) = await SampleAsync(name, scenario, root).ConfigureAwait(false);
                create[Key(name, scenario)][turn] = c;
                total[Key(name, scenario)][turn] = t;
                jit[Key(name, scenario)].Add((methods, jitMs, assemblies));
            }
        }

        var ratios = new List<Ratio>();
        foreach (var (name, scenario, baseline) in samples)
        {
            var key = Key(name, scenario);
            var baselineKey = Key(baseline, scenario);
            var perTurn = Enumerable.Range(0, turns).Select(t => total[key][t] / total[baselineKey][t]).ToArray();
            var methodsJitted = Statistics.Median(jit[key].Select(j => j.Methods).ToArray());
            var jitTime = Statistics.Median(jit[key].Select(j => j.Ms).ToArray());
            var loaded = Statistics.Median(jit[key].Select(j => j.Assemblies).ToArray());
            log.WriteLine($"  cold {name} ({scenario.Title()}): create {Statistics.Median(create[key]) / 1000:0.0} ms, create + first call {Statistics.Median(total[key]) / 1000:0.0} ms, {methodsJitted:0} methods jitted in {jitTime:0} ms, {loaded:0} assemblies");
            Jit[name + " (" + scenario.Title() + ")"] = (methodsJitted, jitTime, loaded);
            ratios.Add(new Ratio(
                scenario.Title(),
                name,
                baseline,
                Statistics.Median(perTurn),
                Statistics.Quantile(perTurn, 0.25),
                Statistics.Quantile(perTurn, 0.75),
                Statistics.Median(total[key]),
                Statistics.Median(create[key]),
                Statistics.Median(create[baselineKey]),
                turns));
        }

        return ratios;
    }

    /// <summary>The child's side: create, call once, print both times in microseconds.</summary>
    public static async Task<int> SampleInProcessAsync(string name, string scenarioPrefix, Uri root)
    {
        var contender = Contender.All().Single(c => c.Name == name);
        var scenario = Scenarios.All.Single(s => s.Prefix() == scenarioPrefix);
        var watch = Stopwatch.StartNew();
        var call = contender.Prepare(scenario, scenario.BaseAddress(root));
        var created = watch.Elapsed.TotalMicroseconds;
        var read = await call().ConfigureAwait(false);
        var total = watch.Elapsed.TotalMicroseconds;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitMs = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
        var assemblies = AppDomain.CurrentDomain.GetAssemblies().Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"COLD {created:0} {total:0} {read} {jitted} {jitMs:0.0} {assemblies}"));
        return read > 0 ? 0 : 1;
    }

    private static async Task<(double Create, double Total, double Jitted, double JitMs, double Assemblies)> SampleAsync(string name, Scenario scenario, Uri root)
    {
        using var process = Process.Start(ServerProcess.Self($"--cold \"{name}\" {scenario.Prefix()} {root}")) ?? throw new InvalidOperationException("Could not start a cold-start sample.");
        var output = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        var error = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("COLD ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The cold-start sample of {name} failed ({process.ExitCode}): {output} {error}");
        }

        var parts = line.Split(' ').Skip(1).Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return (parts[0], parts[1], parts[3], parts[4], parts[5]);
    }
}
