using System.Linq;
using Xunit;

namespace Grok.Generator.Tests;

/// <summary>Distinct interfaces whose names sanitize alike still get distinct files and classes.</summary>
public sealed class NamingTests
{
    [Fact]
    public void Interfaces_differing_only_in_case_get_distinct_hint_names()
    {
        // AddSource compares hint names ignoring case; a clash threw and took every generated client down (CS8785).
        var run = Harness.Run(SnapshotTests.Models, """
            using System.Threading.Tasks;
            using Grok;
            using Sample.Models;

            namespace Sample;

            public interface IChat
            {
                [GrokEndpoint("POST", "chat/completions")]
                Task<Answer> AskAsync(Question body);
            }

            public interface Ichat
            {
                [GrokEndpoint("POST", "chat/completions")]
                Task<Answer> AskAsync(Question body);
            }
            """);

        Harness.AssertNoCrash(run);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(new[] { "Sample.IChat.g.cs", "Sample.Ichat_2.g.cs" }, run.Sources.Select(s => s.HintName).OrderBy(h => h, System.StringComparer.Ordinal));
        Assert.Empty(run.OutputProblems);
    }

    [Fact]
    public void Interfaces_whose_names_flatten_alike_get_distinct_classes()
    {
        // A_B.C and A.B_C both flatten to the class name A_B_C.
        var run = Harness.Run(SnapshotTests.Models, """
            using System.Threading.Tasks;
            using Grok;
            using Sample.Models;

            namespace A_B
            {
                public interface C
                {
                    [GrokEndpoint("POST", "chat/completions")]
                    Task<Answer> AskAsync(Question body);
                }
            }

            namespace A
            {
                public interface B_C
                {
                    [GrokEndpoint("POST", "chat/completions")]
                    Task<Answer> AskAsync(Question body);
                }
            }
            """);

        Harness.AssertNoCrash(run);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(2, run.Sources.Length);
        Assert.Empty(run.OutputProblems);
        Assert.Contains("class A_B_C_2 ", run.Sources.Single(s => s.HintName == "A_B.C_2.g.cs").SourceText.ToString());
    }
}
