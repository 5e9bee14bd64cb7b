using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Grok.Generator.Tests;

/// <summary>
/// One test per GROKnnn: the id, and the exact span it points at, marked <c>[|like this|]</c> in the source.
/// Each source is otherwise valid C#, so the diagnostic is the generator's own finding.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using Grok;
        using Refit;
        using Sample.Models;

        namespace Sample;

        """;

    [Fact]
    public void GROK001_endpoint_on_a_class_method_points_at_the_attribute()
    {
        Reports("GROK001", """
            public class NotAnInterface
            {
                [[|GrokEndpoint("POST", "chat/completions")|]]
                public Task<Answer> AskAsync(Question body) => Task.FromResult(new Answer());
            }
            """);
    }

    [Fact]
    public void GROK002_unknown_http_method_points_at_the_method_argument()
    {
        Reports("GROK002", """
            public interface IChat
            {
                [GrokEndpoint([|"FETCH"|], "chat/completions")]
                Task<Answer> AskAsync(Question body);
            }
            """);
    }

    [Fact]
    public void GROK003_non_task_return_points_at_the_return_type()
    {
        Reports("GROK003", """
            public interface IChat
            {
                [GrokEndpoint("POST", "chat/completions")]
                [|Answer|] Ask(Question body);
            }
            """);
    }

    [Fact]
    public void GROK003_ValueTask_return_points_at_the_return_type()
    {
        Reports("GROK003", """
            public interface IChat
            {
                [GrokEndpoint("POST", "chat/completions")]
                [|ValueTask<Answer>|] AskAsync(Question body);
            }
            """);
    }

    [Fact]
    public void GROK004_Stream_true_with_a_plain_Task_of_T_points_at_the_return_type()
    {
        Reports("GROK004", """
            public interface IChat
            {
                [GrokEndpoint("POST", "chat/completions", Stream = true)]
                [|Task<Answer>|] AskAsync(Question body);
            }
            """);
    }

    [Fact]
    public void GROK005_IAsyncEnumerable_without_Stream_true_points_at_the_return_type()
    {
        Reports("GROK005", """
            public interface IChat
            {
                [GrokEndpoint("POST", "chat/completions")]
                [|IAsyncEnumerable<Chunk>|] AskAsync(Question body);
            }
            """);
    }

    [Fact]
    public void GROK006_placeholder_without_parameter_points_at_the_path()
    {
        Reports("GROK006", """
            public interface IModels
            {
                [GrokEndpoint("GET", [|"models/{id}"|])]
                Task<Answer> GetAsync(string name);
            }
            """);
    }

    [Fact]
    public void GROK007_second_body_points_at_that_parameter()
    {
        Reports("GROK007", """
            public interface IChat
            {
                [GrokEndpoint("POST", "chat/completions")]
                Task<Answer> AskAsync(Question first, [|Question second|]);
            }
            """);
    }

    [Fact]
    public void GROK008_body_on_GET_points_at_the_parameter()
    {
        Reports("GROK008", """
            public interface IChat
            {
                [GrokEndpoint("GET", "chat/completions")]
                Task<Answer> AskAsync([|Question body|]);
            }
            """);
    }

    [Fact]
    public void GROK009_generic_method_points_at_the_type_parameters()
    {
        Reports("GROK009", """
            public interface IChat
            {
                [GrokEndpoint("POST", "chat/completions")]
                Task<Answer> AskAsync[|<T>|](Question body);
            }
            """);
    }

    [Fact]
    public void GROK010_ref_parameter_points_at_the_parameter()
    {
        Reports("GROK010", """
            public interface IChat
            {
                [GrokEndpoint("POST", "chat/completions")]
                Task<Answer> AskAsync([|ref Question body|]);
            }
            """);
    }

    [Fact]
    public void GROK010_ref_parameter_that_names_a_placeholder_is_the_only_diagnostic()
    {
        Reports("GROK010", """
            public interface IModels
            {
                [GrokEndpoint("GET", "models/{id}")]
                Task<Answer> GetAsync([|ref string id|]);
            }
            """);
    }

    [Fact]
    public void GROK011_private_interface_points_at_the_attribute()
    {
        Reports("GROK011", """
            public class Host
            {
                private interface IHidden
                {
                    [[|GrokEndpoint("POST", "chat/completions")|]]
                    Task<Answer> AskAsync(Question body);
                }
            }
            """);
    }

    [Fact]
    public void GROK011_file_local_interface_points_at_the_attribute()
    {
        Reports("GROK011", """
            file interface IFileLocal
            {
                [[|GrokEndpoint("POST", "chat/completions")|]]
                Task<Answer> AskAsync(Question body);
            }
            """);
    }

    [Fact]
    public void GROK012_static_abstract_member_points_at_its_name()
    {
        Reports("GROK012", """
            public interface IChat
            {
                [GrokEndpoint("POST", "chat/completions")]
                Task<Answer> AskAsync(Question body);

                static abstract IChat [|Create|]();
            }
            """);
    }

    [Fact]
    public void GROK012_abstract_member_without_endpoint_points_at_its_name()
    {
        Reports("GROK012", """
            public interface IChat
            {
                [GrokEndpoint("POST", "chat/completions")]
                Task<Answer> AskAsync(Question body);

                Task [|PingAsync|]();
            }
            """);
    }

    [Fact]
    public void GROK013_absolute_path_points_at_the_path()
    {
        Reports("GROK013", """
            public interface IChat
            {
                [GrokEndpoint("POST", [|"https://api.x.ai/v1/chat/completions"|])]
                Task<Answer> AskAsync(Question body);
            }
            """);
    }

    [Theory]
    [InlineData("files/../admin")]
    [InlineData("./models")]
    [InlineData("models/.")]
    public void GROK013_dot_segments_point_at_the_path(string path)
    {
        Reports("GROK013", $$"""
            public interface IChat
            {
                [GrokEndpoint("GET", [|"{{path}}"|])]
                Task<Answer> GetAsync();
            }
            """);
    }

    [Fact]
    public void Literal_colons_and_dots_inside_segments_are_fine()
    {
        var run = Harness.Run(SnapshotTests.Models, """
            using System.Threading.Tasks;
            using Grok;
            using Sample.Models;

            namespace Sample;

            public interface IBatches
            {
                [GrokEndpoint("POST", "batches/{batchId}:cancel")]
                Task<Answer> CancelAsync(string batchId);

                [GrokEndpoint("GET", "models/grok-4.3/..info")]
                Task<Answer> InfoAsync();
            }
            """);

        Harness.AssertNoCrash(run);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.OutputProblems);
    }

    [Fact]
    public void GROK014_generic_interface_points_at_the_attribute()
    {
        Reports("GROK014", """
            public interface IGeneric<T>
            {
                [[|GrokEndpoint("GET", "models")|]]
                Task<T> GetAsync();
            }
            """);
    }

    [Fact]
    public void GROK015_second_CancellationToken_points_at_that_parameter()
    {
        Reports("GROK015", """
            public interface IChat
            {
                [GrokEndpoint("POST", "chat/completions")]
                Task<Answer> AskAsync(Question body, CancellationToken first, [|CancellationToken second|]);
            }
            """);
    }

    [Fact]
    public void GROK016_part_that_cannot_be_sent_points_at_the_parameter()
    {
        Reports("GROK016", """
            public interface IFiles
            {
                [Refit.Multipart]
                [GrokEndpoint("POST", "files")]
                Task<Answer> UploadAsync(Refit.StreamPart file, [|Question metadata|]);
            }
            """);
    }

    [Fact]
    public void GROK016_multipart_on_GET_points_at_the_Multipart_attribute()
    {
        Reports("GROK016", """
            public interface IFiles
            {
                [[|Refit.Multipart|]]
                [GrokEndpoint("GET", "files")]
                Task<Answer> UploadAsync(Refit.StreamPart file);
            }
            """);
    }

    [Fact]
    public void GROK016_Body_in_a_multipart_method_points_at_the_parameter()
    {
        Reports("GROK016", """
            public interface IFiles
            {
                [Refit.Multipart]
                [GrokEndpoint("POST", "files")]
                Task<Answer> UploadAsync([|[Refit.Body] Question body|]);
            }
            """);
    }

    [Fact]
    public void Every_descriptor_has_a_test_here()
    {
        var ids = typeof(GrokClientGenerator).Assembly
            .GetType("Grok.Generator.Diagnostics.DiagnosticDescriptors")!
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)
            .OrderBy(id => id, System.StringComparer.Ordinal);
        var tested = typeof(DiagnosticTests).GetMethods()
            .Where(m => m.Name.StartsWith("GROK", System.StringComparison.Ordinal))
            .Select(m => m.Name.Substring(0, 7))
            .Distinct()
            .OrderBy(id => id, System.StringComparer.Ordinal);

        Assert.Equal(ids, tested);
    }

    private static void Reports(string id, string markedSource)
    {
        var start = markedSource.IndexOf("[|", System.StringComparison.Ordinal);
        var end = markedSource.IndexOf("|]", System.StringComparison.Ordinal) - 2;
        Assert.True(start >= 0 && end >= start, "Mark the expected span with [| and |]");
        var source = Usings + markedSource.Replace("[|", "").Replace("|]", "");
        var expected = new TextSpan(Usings.Length + start, end - start);

        var run = Harness.Run(SnapshotTests.Models, source);

        Harness.AssertNoCrash(run);
        Assert.Empty(run.Input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Source1.cs", diagnostic.Location.SourceTree?.FilePath);
        Assert.Equal(source.Substring(expected.Start, expected.Length), Harness.LocatedText(diagnostic));
        Assert.Equal(expected, diagnostic.Location.SourceSpan);
        Assert.Empty(run.Sources);
    }
}
