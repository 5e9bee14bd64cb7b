using System;
using System.Threading.Tasks;

namespace Grok.Benchmarks.Contenders;

/// <summary>One client under test. <see cref="Prepare"/> creates its client for a scenario and returns one call.</summary>
internal abstract class Contender
{
    /// <summary>The hand-written client over Grok's wire models: the baseline of every contender over Grok's or its own models.</summary>
    public const string HandWritten = "hand-written";

    /// <summary>The hand-written client over minimal models: the baseline of the user interface over the same models.</summary>
    public const string HandWrittenMinimal = "hand-written, minimal models";

    public abstract string Name { get; }

    public abstract bool Supports(Scenario scenario);

    /// <summary>The contender whose time and allocations this one is divided by: the same models, hand-written.</summary>
    public virtual string BaselineFor(Scenario scenario) => HandWritten;

    /// <summary>Creates the client for <paramref name="scenario"/> (the create cost is the cold-start benchmark's) and returns one call, which returns what it read (characters or events) so nothing is optimized away.</summary>
    public abstract Func<Task<int>> Prepare(Scenario scenario, Uri baseAddress);

    /// <summary>All contenders, the baselines first.</summary>
    public static Contender[] All() =>
    [
        new HandWrittenContender(),
        new HandWrittenMinimalContender(),
        new GrokReadyContender(),
        new GrokUserInterfaceContender(),
        new GrokChatClientContender(),
        new RefitContender(),
        new OpenAIContender(),
        new OpenAIChatClientContender(),
    ];

    /// <summary>Reads a Responses stream of Grok's events: the length of the text deltas.</summary>
    public static int CountDeltas(Grok.Responses.ResponseStreamEvent item) => item.Type == "response.output_text.delta" ? item.Delta?.Length ?? 0 : 0;
}
