using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Grok.Benchmarks.Contenders;
using Grok.Benchmarks.Server;

namespace Grok.Benchmarks;

/// <summary>
/// The same contenders and scenarios under BenchmarkDotNet (<c>-- --bdn --filter '*'</c>), against the server in its
/// own process. Use it for its exact allocation column; its time column comes from sequential runs, which scatter
/// by +-0.5 on a shared 2-core machine, so the suite's interleaved ratios are the time numbers to quote.
/// </summary>
[MemoryDiagnoser]
public class ChatBenchmarks
{
    private ServerProcess _server = null!;
    private Func<Task<int>> _call = null!;

    [ParamsAllValues]
    public BenchScenario Scenario { get; set; }

    [ParamsSource(nameof(ContenderNames))]
    public string Contender { get; set; } = "";

    public static IEnumerable<string> ContenderNames() => Contenders.Contender.All().Select(c => c.Name);

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await ServerProcess.StartAsync();
        var scenario = (Scenario)(int)Scenario;
        var contender = Contenders.Contender.All().Single(c => c.Name == Contender);
        _call = contender.Supports(scenario) ? contender.Prepare(scenario, scenario.BaseAddress(_server.Root)) : () => Task.FromResult(0);
    }

    [GlobalCleanup]
    public void Cleanup() => _server.Dispose();

    [Benchmark]
    public Task<int> Call() => _call();
}

/// <summary>The scenarios, public for BenchmarkDotNet's parameters.</summary>
public enum BenchScenario
{
    /// <summary>See <see cref="Benchmarks.Scenario.Plain"/>.</summary>
    Plain,

    /// <summary>See <see cref="Benchmarks.Scenario.Chat200"/>.</summary>
    Chat200,

    /// <summary>See <see cref="Benchmarks.Scenario.Chat2000"/>.</summary>
    Chat2000,

    /// <summary>See <see cref="Benchmarks.Scenario.Responses200"/>.</summary>
    Responses200,

    /// <summary>See <see cref="Benchmarks.Scenario.ResponsesPlain"/>.</summary>
    ResponsesPlain,
}
