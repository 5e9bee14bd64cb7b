using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Grok.Benchmarks.Contenders;
using Grok.Benchmarks.Server;

namespace Grok.Benchmarks.Runner;

/// <summary>One contender in one scenario, called in a loop for a while: the target of a profiler (<c>--loop NAME SCENARIO SECONDS</c>).</summary>
internal static class LoopRunner
{
    public static async Task<int> RunAsync(string name, string scenarioPrefix, double seconds)
    {
        var scenario = Scenarios.All.Single(s => s.Prefix() == scenarioPrefix);
        var contender = Contender.All().Single(c => c.Name == name);
        using var server = await ServerProcess.StartAsync().ConfigureAwait(false);
        var call = contender.Prepare(scenario, scenario.BaseAddress(server.Root));
        for (var i = 0; i < 200; i++)
        {
            await call().ConfigureAwait(false);
        }

        await Task.Delay(300).ConfigureAwait(false);
        var calls = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            await call().ConfigureAwait(false);
            calls++;
        }

        Console.WriteLine($"{name} {scenario.Title()}: {calls} calls, {watch.Elapsed.TotalMicroseconds / calls:0.0} us/call");
        return 0;
    }
}
