using System.Collections.Generic;
using System.Linq;
using Grok.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Grok.Generator.Tests.Incremental;

/// <summary>The pipeline caches: unchanged input regenerates nothing, an edited endpoint regenerates its interface.</summary>
public sealed class IncrementalTests
{
    private const string Source = """
        using System.Threading;
        using System.Threading.Tasks;
        using Grok;
        using Sample.Models;

        namespace Sample;

        public interface IChat
        {
            [GrokEndpoint("POST", "chat/completions")]
            Task<Answer> AskAsync(Question body, CancellationToken cancellationToken = default);
        }

        public interface IModels
        {
            [GrokEndpoint("GET", "models/{id}")]
            Task<Answer> GetModelAsync(string id, CancellationToken cancellationToken = default);
        }

        public interface ICombined : IChat, IModels
        {
        }
        """;

    [Fact]
    public void Rerunning_on_the_same_compilation_is_cached()
    {
        var first = Harness.Run(SnapshotTests.Models, Source);
        Assert.Equal(3, first.Sources.Length);

        var second = Harness.Run(first.Driver, first.Input);

        AssertCachedOrUnchanged(second.Result.TrackedSteps[TrackingNames.ClientSpec]);
        AssertCachedOrUnchanged(second.Result.TrackedOutputSteps[WellKnownGeneratorOutputs.SourceOutput]);
    }

    [Fact]
    public void An_interface_is_parsed_once_however_many_endpoints_it_has()
    {
        var run = Harness.Run(SnapshotTests.Models, """
            using System.Threading.Tasks;
            using Grok;
            using Sample.Models;

            namespace Sample;

            public partial interface IMany
            {
                [GrokEndpoint("GET", "a")] Task<Answer> AAsync();
                [GrokEndpoint("GET", "b")] Task<Answer> BAsync();
                [GrokEndpoint("GET", "c")] Task<Answer> CAsync();
            }

            public partial interface IMany
            {
                [GrokEndpoint("GET", "d")] Task<Answer> DAsync();
            }
            """);

        // The step keeps the non-null parse results: one per interface, not one per annotated method.
        var parsed = run.Result.TrackedSteps[TrackingNames.EndpointMethods].SelectMany(s => s.Outputs).ToArray();
        Assert.Single(parsed);
        var spec = Assert.Single(run.Result.TrackedSteps[TrackingNames.ClientSpec].SelectMany(s => s.Outputs)).Value;
        Assert.Equal(4, ((ClientSpec)spec).Endpoints.Length);
    }

    [Fact]
    public void Adding_an_unrelated_tree_regenerates_nothing()
    {
        var first = Harness.Run(SnapshotTests.Models, Source);
        var unrelated = CSharpSyntaxTree.ParseText(
            "namespace Other { public sealed class Unrelated { public int Value { get; set; } } }",
            Harness.ParseOptions,
            path: "Unrelated.cs");

        var second = Harness.Run(first.Driver, first.Input.AddSyntaxTrees(unrelated));

        Assert.Empty(second.OutputProblems);
        AssertCachedOrUnchanged(second.Result.TrackedSteps[TrackingNames.ClientSpec]);
        AssertCachedOrUnchanged(second.Result.TrackedOutputSteps[WellKnownGeneratorOutputs.SourceOutput]);
    }

    [Fact]
    public void Editing_an_endpoint_path_modifies_the_specs_that_contain_it()
    {
        var first = Harness.Run(SnapshotTests.Models, Source);
        var tree = first.Input.SyntaxTrees.Single(t => t.FilePath == "Source1.cs");
        var text = tree.GetText();
        var at = text.ToString().IndexOf("chat/completions", System.StringComparison.Ordinal);
        var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, "chat/completions".Length), "chat/completions/v2")));

        var second = Harness.Run(first.Driver, first.Input.ReplaceSyntaxTree(tree, edited));

        Assert.Empty(second.OutputProblems);
        var reasons = SpecReasons(second);
        Assert.Equal(IncrementalStepRunReason.Modified, reasons["Sample.IChat.g.cs"]);
        Assert.Equal(IncrementalStepRunReason.Modified, reasons["Sample.ICombined.g.cs"]);
        Assert.True(reasons["Sample.IModels.g.cs"] is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains("/chat/completions/v2", second.Sources.Single(s => s.HintName == "Sample.IChat.g.cs").SourceText.ToString());
    }

    private static Dictionary<string, IncrementalStepRunReason> SpecReasons(GeneratorRun run)
        => run.Result.TrackedSteps[TrackingNames.ClientSpec]
            .SelectMany(step => step.Outputs)
            .ToDictionary(output => ((ClientSpec)output.Value).HintName, output => output.Reason);

    private static void AssertCachedOrUnchanged(IEnumerable<IncrementalGeneratorRunStep> steps)
    {
        var outputs = steps.SelectMany(step => step.Outputs).ToArray();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.True(
            output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"{output.Value} was {output.Reason}"));
    }
}
