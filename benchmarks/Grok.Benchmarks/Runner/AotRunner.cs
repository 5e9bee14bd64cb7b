using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Grok.Benchmarks.Runner;

/// <summary>
/// Native AOT first call: the app published from benchmarks/Grok.Benchmarks.Aot (benchmarks/aot.sh) run once per sample,
/// the ready client against the hand-written client and the user interface against the hand-written client over the
/// same minimal models; interleaved turns with a rotating start, ratio = median of per-turn paired ratios.
/// </summary>
internal static class AotRunner
{
    private static readonly (string Name, string Arg, string Baseline)[] Samples =
    [
        ("hand-written (AOT)", "hand", "hand"),
        ("ready IGrokClient (AOT)", "ready", "hand"),
        ("hand-written, minimal models (AOT)", "hand-minimal", "hand-minimal"),
        ("user [GrokEndpoint] interface (AOT)", "user", "hand-minimal"),
    ];

    public static async Task<List<Ratio>> RunAsync(string binary, Uri root, int turns, TextWriter log)
    {
        if (!File.Exists(binary))
        {
            throw new FileNotFoundException($"No Native AOT benchmark app at {binary}; publish it with benchmarks/aot.sh.", binary);
        }

        var total = Samples.ToDictionary(s => s.Arg, _ => new double[turns]);
        var create = Samples.ToDictionary(s => s.Arg, _ => new double[turns]);
        for (var turn = 0; turn < turns; turn++)
        {
            for (var k = 0; k < Samples.Length; k++)
            {
                var arg = Samples[(turn + k) % Samples.Length].Arg;
                (create[arg][turn], total[arg][turn]) = await SampleAsync(binary, arg, root).ConfigureAwait(false);
            }
        }

        var ratios = new List<Ratio>();
        foreach (var (name, arg, baseline) in Samples)
        {
            var perTurn = Enumerable.Range(0, turns).Select(t => total[arg][t] / total[baseline][t]).ToArray();
            log.WriteLine($"  AOT {name}: create {Statistics.Median(create[arg]) / 1000:0.00} ms, create + first call {Statistics.Median(total[arg]) / 1000:0.00} ms");
            ratios.Add(new Ratio(
                "Native AOT: create + 1st call",
                name,
                Samples.Single(s => s.Arg == baseline).Name,
                Statistics.Median(perTurn),
                Statistics.Quantile(perTurn, 0.25),
                Statistics.Quantile(perTurn, 0.75),
                Statistics.Median(total[arg]),
                Statistics.Median(create[arg]),
                Statistics.Median(create[baseline]),
                turns));
        }

        return ratios;
    }

    private static async Task<(double Create, double Total)> SampleAsync(string binary, string arg, Uri root)
    {
        var info = new ProcessStartInfo(binary, $"{arg} {root}") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment.Remove("DOTNET_DiagnosticPorts");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the AOT app.");
        var output = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        var error = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("COLD ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The AOT sample {arg} failed ({process.ExitCode}): {output} {error}");
        }

        var parts = line.Split(' ');
        return (double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture));
    }
}
