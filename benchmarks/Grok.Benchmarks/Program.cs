using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using Grok.Benchmarks;
using Grok.Benchmarks.Runner;
using Grok.Benchmarks.Server;

// Every ratio in one command (see benchmarks/README.md):
//   dotnet run -c Release --project benchmarks/Grok.Benchmarks            full run, about 3 minutes on 2 cores
//   dotnet run -c Release --project benchmarks/Grok.Benchmarks -- --smoke a few seconds, numbers meaningless (CI)
//   ... -- --out benchmarks/results/DATE.md                               also writes the markdown report
//   ... -- --only plain,c200,c2000,rplain,r200,cold,generator,ablation      some parts only
//   ... -- --bdn --filter '*'                                             BenchmarkDotNet (allocation column exact)
// Internal: --serve (the server process), --cold NAME SCENARIO ROOT (one cold-start sample), --loop NAME SCENARIO SECONDS (a profiler's target).
return args switch
{
    ["--serve", ..] => await PrecomputedServer.RunAsync(),
    ["--cold", var name, var scenario, var root] => await ColdRunner.SampleInProcessAsync(name, scenario, new Uri(root)),
    ["--loop", var name, var scenario, var seconds] => await LoopRunner.RunAsync(name, scenario, double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)),
    ["--bdn", .. var rest] => RunBenchmarkDotNet(rest),
    _ => await Suite.RunAsync(BenchOptions.Parse(args)),
};

static int RunBenchmarkDotNet(string[] args)
{
    // In process: the benchmark starts its server by running this executable again (--serve), which a BenchmarkDotNet
    // child process (its own generated executable) could not do.
    if (!args.Any(a => a.Equals("--inProcess", StringComparison.OrdinalIgnoreCase)))
    {
        args = [.. args, "--inProcess"];
    }

    var summaries = BenchmarkSwitcher.FromAssembly(typeof(Suite).Assembly).Run(args);
    return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
}
