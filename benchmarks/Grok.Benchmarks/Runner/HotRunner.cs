using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Grok.Benchmarks.Contenders;

namespace Grok.Benchmarks.Runner;

/// <summary>
/// Warm calls, interleaved: each turn runs one block of calls per contender, in an order rotated by one each turn;
/// a contender's time ratio is the median over turns of (its block time / its baseline's block time in the same
/// turn), so load that changes between turns cancels out. Allocations are exact: all bytes the process allocated
/// (<see cref="GC.GetTotalAllocatedBytes(bool)"/>, precise, every thread) over a block of calls, divided by the calls.
/// </summary>
internal static class HotRunner
{
    public static async Task<List<Ratio>> RunAsync(Uri root, Scenario scenario, IReadOnlyList<Contender> contenders, int turns, double scale, TextWriter log)
    {
        var calls = Math.Max(1, (int)(scenario.BlockCalls() * scale));
        var entries = new List<(Contender Contender, Func<Task<int>> Call)>();
        foreach (var contender in contenders.Where(c => c.Supports(scenario)))
        {
            entries.Add((contender, contender.Prepare(scenario, scenario.BaseAddress(root))));
        }

        // Warm-up: three rounds with pauses, so tiered compilation promotes the hot paths (30 calls, then 100 ms).
        var results = new Dictionary<string, int>();
        for (var round = 0; round < 3; round++)
        {
            foreach (var (contender, call) in entries)
            {
                for (var i = 0; i < Math.Max(calls, 35); i++)
                {
                    results[contender.Name] = await call().ConfigureAwait(false);
                }
            }

            await Task.Delay(scale < 1 ? 10 : 250).ConfigureAwait(false);
        }

        foreach (var (name, read) in results)
        {
            if (read <= 0)
            {
                throw new InvalidOperationException($"{name} read nothing in {scenario}.");
            }
        }

        log.WriteLine($"  {scenario.Title()}: {calls} calls per block, {turns} turns; read per call: {string.Join(", ", results.Select(r => $"{r.Key} {r.Value}"))}");

        var times = entries.ToDictionary(e => e.Contender.Name, _ => new double[turns]);
        for (var turn = 0; turn < turns; turn++)
        {
            for (var k = 0; k < entries.Count; k++)
            {
                var (contender, call) = entries[(turn + k) % entries.Count];
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < calls; i++)
                {
                    await call().ConfigureAwait(false);
                }

                times[contender.Name][turn] = watch.Elapsed.TotalMicroseconds / calls;
            }
        }

        var bytes = new Dictionary<string, double>();
        foreach (var (contender, call) in entries)
        {
            var best = double.MaxValue;
            for (var repeat = 0; repeat < 3; repeat++)
            {
                GC.Collect();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                for (var i = 0; i < calls; i++)
                {
                    await call().ConfigureAwait(false);
                }

                best = Math.Min(best, (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls);
            }

            bytes[contender.Name] = best;
        }

        var ratios = new List<Ratio>();
        foreach (var (contender, _) in entries)
        {
            var baseline = contender.BaselineFor(scenario);
            if (!times.ContainsKey(baseline))
            {
                continue;
            }

            var perTurn = Enumerable.Range(0, turns).Select(t => times[contender.Name][t] / times[baseline][t]).ToArray();
            ratios.Add(new Ratio(
                scenario.Title(),
                contender.Name,
                baseline,
                Statistics.Median(perTurn),
                Statistics.Quantile(perTurn, 0.25),
                Statistics.Quantile(perTurn, 0.75),
                Statistics.Median(times[contender.Name]),
                bytes[contender.Name],
                bytes[baseline],
                turns));
        }

        return ratios;
    }
}
