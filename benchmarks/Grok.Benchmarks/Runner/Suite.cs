using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;
using Grok.Benchmarks.Contenders;
using Grok.Benchmarks.Generator;
using Grok.Benchmarks.Server;

namespace Grok.Benchmarks.Runner;

/// <summary>The one command: every scenario, cold start and the generators; prints (and with --out writes) the report.</summary>
internal static class Suite
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var log = Console.Out;
        var started = DateTime.UtcNow;
        var loadBefore = Load();
        var scale = options.Smoke ? 0.05 : 1.0;
        var contenders = Contender.All();
        var hot = new List<Ratio>();
        var cold = new List<Ratio>();
        var ablations = new List<Ratio>();
        var aot = new List<Ratio>();
        var generators = new List<GeneratorResult>();
        log.WriteLine($"Grok benchmarks{(options.Smoke ? " (smoke: numbers meaningless)" : "")}; load {loadBefore}");

        using (var server = await ServerProcess.StartAsync().ConfigureAwait(false))
        {
            log.WriteLine($"server process on {server.Root}");
            foreach (var scenario in Scenarios.All.Where(s => options.Includes(s.Prefix())))
            {
                hot.AddRange(await HotRunner.RunAsync(server.Root, scenario, contenders, options.Turns, scale, log).ConfigureAwait(false));
            }

            if (options.Includes("ablation"))
            {
                log.WriteLine("  ablation (the ready client with one piece taken away):");
                Contender[] ablation = [contenders[0], contenders[2], .. GrokAblationContender.Variants()];
                foreach (var scenario in new[] { Scenario.Plain, Scenario.Chat200 })
                {
                    foreach (var ratio in await HotRunner.RunAsync(server.Root, scenario, ablation, options.Turns, scale, log).ConfigureAwait(false))
                    {
                        ablations.Add(ratio);
                    }
                }
            }

            if (options.Includes("cold"))
            {
                cold.AddRange(await ColdRunner.RunAsync(server.Root, contenders, options.ColdTurns, log).ConfigureAwait(false));
            }

            if (options.Includes("aot"))
            {
                var binary = options.AotBinary ?? throw new ArgumentException("The aot part needs --aot-binary PATH (benchmarks/aot.sh publishes the app and passes it).");
                aot.AddRange(await AotRunner.RunAsync(binary, server.Root, options.ColdTurns, log).ConfigureAwait(false));
            }
        }

        if (options.Includes("generator"))
        {
            log.WriteLine("  generators:");
            generators.AddRange(options.Smoke
                ? GeneratorBenchmark.Run(interfaces: 5, methods: 2, runs: options.GeneratorRuns, log)
                : GeneratorBenchmark.Run(interfaces: 200, methods: 10, runs: options.GeneratorRuns, log));
        }

        var report = Report(options, started, loadBefore, Load(), hot, cold, generators, ablations, aot);
        log.WriteLine();
        log.WriteLine(report);
        if (options.Out is { } path)
        {
            File.WriteAllText(path, report);
            log.WriteLine($"written to {path}");
        }

        var broken = generators.Where(g => g.CompileErrors > 0 || g.GeneratedFiles == 0).ToList();
        foreach (var g in broken)
        {
            Console.Error.WriteLine($"{g.Generator}: {g.GeneratedFiles} files, {g.CompileErrors} compile errors in its output");
        }

        return broken.Count == 0 ? 0 : 1;
    }

    private static string Report(BenchOptions options, DateTime started, string loadBefore, string loadAfter, List<Ratio> hot, List<Ratio> cold, List<GeneratorResult> generators, List<Ratio> ablations, List<Ratio> aot)
    {
        var text = new StringBuilder();
        string F(double value, string format = "0.00") => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);
        text.AppendLine(CultureInfo.InvariantCulture, $"# Benchmarks {started:yyyy-MM-dd HH:mm} UTC{(options.Smoke ? " (SMOKE: numbers meaningless)" : "")}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- command: `dotnet run -c Release --project benchmarks/Grok.Benchmarks -- {string.Join(' ', Environment.GetCommandLineArgs().Skip(1))}`");
        text.AppendLine(CultureInfo.InvariantCulture, $"- commit: {Git("rev-parse --short HEAD")}{(Git("status --porcelain --untracked-files=no").Length > 0 ? " (with local changes)" : "")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- machine: {RuntimeInformation.OSDescription}, {RuntimeInformation.OSArchitecture}, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- load average (1/5/15 min): {loadBefore} at start, {loadAfter} at end");
        text.AppendLine(CultureInfo.InvariantCulture, $"- warm calls: {options.Turns} turns, blocks of {string.Join(", ", Scenarios.All.Select(s => $"{s.BlockCalls()} ({s.Prefix()})"))} calls; cold start: {options.ColdTurns} processes per contender");
        text.AppendLine();
        if (hot.Count > 0)
        {
            text.AppendLine("## Warm calls (ratios to the hand-written client over the same models, same run)");
            text.AppendLine();
            text.AppendLine("Time: median of per-turn paired ratios [quartiles]. Alloc: exact bytes per call, all threads.");
            text.AppendLine();
            text.AppendLine("| scenario | contender | time | [q1, q3] | us/call | alloc | bytes/call | baseline |");
            text.AppendLine("|---|---|---:|---|---:|---:|---:|---|");
            foreach (var r in hot)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Contender} | {F(r.Time)}x | [{F(r.TimeLow)}, {F(r.TimeHigh)}] | {F(r.Micros, "0.0")} | {F(r.Alloc)}x | {F(r.Bytes, "0")} | {r.Baseline} |");
            }

            text.AppendLine();
        }

        if (ablations.Count > 0)
        {
            text.AppendLine("## Ablation: what each piece of the ready client costs (ratios to the hand-written client, same run)");
            text.AppendLine();
            text.AppendLine("| scenario | variant | time | [q1, q3] | us/call | alloc | bytes/call |");
            text.AppendLine("|---|---|---:|---|---:|---:|---:|");
            foreach (var r in ablations)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Contender} | {F(r.Time)}x | [{F(r.TimeLow)}, {F(r.TimeHigh)}] | {F(r.Micros, "0.0")} | {F(r.Alloc)}x | {F(r.Bytes, "0")} |");
            }

            text.AppendLine();
        }

        if (cold.Count > 0)
        {
            text.AppendLine("## Cold start (fresh process per sample: create the client + first plain call)");
            text.AppendLine();
            text.AppendLine("JIT columns: methods compiled and JIT time in the whole process by the end of the first call (runtime start included), assemblies loaded.");
            text.AppendLine();
            text.AppendLine("| first call | contender | create + 1st call | [q1, q3] | ms (median) | create ms | methods jitted | JIT ms | assemblies | baseline |");
            text.AppendLine("|---|---|---:|---|---:|---:|---:|---:|---:|---|");
            foreach (var r in cold)
            {
                var (methods, jitMs, assemblies) = ColdRunner.Jit.TryGetValue(r.Contender + " (" + r.Scenario + ")", out var j) ? j : (double.NaN, double.NaN, double.NaN);
                text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Contender} | {F(r.Time)}x | [{F(r.TimeLow)}, {F(r.TimeHigh)}] | {F(r.Micros / 1000, "0.0")} | {F(r.Bytes / 1000, "0.0")} | {F(methods, "0")} | {F(jitMs, "0")} | {F(assemblies, "0")} | {r.Baseline} |");
            }

            text.AppendLine();
        }

        if (aot.Count > 0)
        {
            text.AppendLine("## Native AOT first call (fresh process per sample: create the client + first plain call)");
            text.AppendLine();
            text.AppendLine("| contender | create + 1st call | [q1, q3] | ms (median) | create ms | baseline |");
            text.AppendLine("|---|---:|---|---:|---:|---|");
            foreach (var r in aot)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Contender} | {F(r.Time)}x | [{F(r.TimeLow)}, {F(r.TimeHigh)}] | {F(r.Micros / 1000, "0.00")} | {F(r.Bytes / 1000, "0.00")} | {r.Baseline} |");
            }

            text.AppendLine();
        }

        if (generators.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"## Generators ({(options.Smoke ? "5 interfaces x 2 methods" : "200 interfaces x 10 methods")}, CSharpGeneratorDriver, medians of {options.GeneratorRuns} runs)");
            text.AppendLine();
            text.AppendLine("| generator | full run ms | full run MB | after unrelated edit ms | MB | binding alone ms | MB | files | re-emitted after edit |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var g in generators)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {g.Generator} | {F(g.FullMs, "0")} | {F(g.FullMb, "0.0")} | {F(g.EditMs, "0")} | {F(g.EditMb, "0.0")} | {F(g.BindingMs, "0")} | {F(g.BindingMb, "0.0")} | {g.GeneratedFiles} | {g.ReemittedAfterEdit} |");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Load()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static string Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            var output = git!.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : "n/a";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "n/a";
        }
    }
}
