using System;

namespace Grok.Benchmarks;

/// <summary>What one call does; the server's first path segment picks the precomputed answer.</summary>
internal enum Scenario
{
    /// <summary>A plain chat completion with a short answer.</summary>
    Plain,

    /// <summary>A chat stream of 200 content chunks (plus role, finish and usage chunks).</summary>
    Chat200,

    /// <summary>A chat stream of 2,000 content chunks.</summary>
    Chat2000,

    /// <summary>A Responses stream of 200 text deltas among named events.</summary>
    Responses200,

    /// <summary>A plain Responses call with a short answer.</summary>
    ResponsesPlain,
}

/// <summary>Per-scenario facts: the server path prefix, the calls per timed block, the display name.</summary>
internal static class Scenarios
{
    /// <summary>The words of the plain answer (the emulator echoes the prompt).</summary>
    public const int PlainWords = 8;

    public static readonly Scenario[] All = [Scenario.Plain, Scenario.Chat200, Scenario.Chat2000, Scenario.ResponsesPlain, Scenario.Responses200];

    public static string Prefix(this Scenario scenario) => scenario switch
    {
        Scenario.Plain => "plain",
        Scenario.Chat200 => "c200",
        Scenario.Chat2000 => "c2000",
        Scenario.Responses200 => "r200",
        Scenario.ResponsesPlain => "rplain",
        _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
    };

    public static string Title(this Scenario scenario) => scenario switch
    {
        Scenario.Plain => "plain call",
        Scenario.Chat200 => "chat stream, 200 chunks",
        Scenario.Chat2000 => "chat stream, 2,000 chunks",
        Scenario.Responses200 => "Responses stream, 200 deltas",
        Scenario.ResponsesPlain => "plain Responses call",
        _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
    };

    /// <summary>Calls per timed block: about 20-30 ms of work each on a 2-core machine.</summary>
    public static int BlockCalls(this Scenario scenario) => scenario switch
    {
        Scenario.Plain => 300,
        Scenario.Chat200 => 60,
        Scenario.Chat2000 => 8,
        Scenario.Responses200 => 100,
        Scenario.ResponsesPlain => 300,
        _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
    };

    public static Uri BaseAddress(this Scenario scenario, Uri serverRoot) => new(serverRoot, scenario.Prefix() + "/v1/");

    public static bool IsChat(this Scenario scenario) => scenario is Scenario.Plain or Scenario.Chat200 or Scenario.Chat2000;

    public static bool IsResponses(this Scenario scenario) => scenario is Scenario.ResponsesPlain or Scenario.Responses200;
}
