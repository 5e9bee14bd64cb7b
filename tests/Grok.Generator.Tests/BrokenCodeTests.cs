using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Grok.Generator.Tests;

/// <summary>Code as it looks mid-typing: the generator must never throw (no CS8785) on it.</summary>
public sealed class BrokenCodeTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Grok;
        using Refit;
        using Sample.Models;

        namespace Sample;

        """;

    [Theory]
    [InlineData("""
        public interface IChat
        {
            [GrokEndpoint("POST"
            Task<Answer> AskAsync(Question body);
        }
        """)]
    [InlineData("""
        public interface IChat
        {
            [GrokEndpoint("POST", "chat/completions"
        }
        """)]
    [InlineData("""
        public interface IChat
        {
            [GrokEndpoint]
            Task<Answer> AskAsync(Question body);
        }
        """)]
    [InlineData("""
        public interface IChat
        {
            [GrokEndpoint()]
            Task<Answer> AskAsync(Question body);
        }
        """)]
    [InlineData("""
        public interface IChat
        {
            [GrokEndpoint(null, null)]
            Task<Answer> AskAsync(Question body);
        }
        """)]
    [InlineData("""
        public interface IChat
        {
            [GrokEndpoint(1, 2, Stream = "yes")]
            Task<Answer> AskAsync(Question body);
        }
        """)]
    [InlineData("""
        public interface IChat
        {
            [GrokEndpoint("POST", "chat/completions")]
            Task<Missing> AskAsync(Missing body, AlsoMissing other);
        }
        """)]
    [InlineData("""
        public interface IChat
        {
            [GrokEndpoint("GET", "models/{id}")]
            Task<Answer> GetAsync(Missing id);
        }
        """)]
    [InlineData("""
        public interface IChat
        {
            [GrokEndpoint("POST", "chat/completions")]
            Task<Answer> AskAsync(Question body
        }
        """)]
    [InlineData("""
        public interface IChat
        {
            [GrokEndpoint("POST", "chat/completions")]
            Task<Answer> (Question body);
        }
        """)]
    [InlineData("""
        public interface IChat
        {
            [GrokEndpoint("POST", "chat/completions")]
            AskAsync(Question body);
        }
        """)]
    [InlineData("""
        public interface IChat
        {
            [GrokEndpoint("GET", "models/{")]
            Task<Answer> GetAsync(string id);

            [GrokEndpoint("GET", "models/}{id}")]
            Task<Answer> GetOtherAsync(string id);
        }
        """)]
    [InlineData("""
        public interface ICombined : IMissing, IAlsoMissing
        {
        }
        """)]
    [InlineData("""
        public interface IChat
        {
            [GrokEndpoint("POST", "chat/completions")]
            Task<Answer> AskAsync(Question body);
        }

        public interface IChat
        {
            [GrokEndpoint("POST", "chat/completions")]
            Task<Answer> AskAsync(Question body);
        }
        """)]
    [InlineData("""
        public interface ICycle : ICycle
        {
            [GrokEndpoint("POST", "chat/completions")]
            Task<Answer> AskAsync(Question body);
        }
        """)]
    [InlineData("""
        [GrokEndpoint("POST", "chat/completions")]
        public interface IOnTheType
        {
        }
        """)]
    [InlineData("""
        public interface IChat
        {
            [GrokEndpoint("POST", "chat/completions")]
            [GrokEndpoint("GET", "models")]
            Task<Answer> AskAsync(Question body);
        }
        """)]
    public void Half_typed_code_does_not_crash_the_generator(string source)
    {
        var run = Harness.Run(SnapshotTests.Models, Usings + source);

        Harness.AssertNoCrash(run);
        Assert.All(run.GeneratorDiagnostics, d => Assert.True(d.Location.IsInSource || d.Location == Location.None));
    }

    [Fact]
    public void Attribute_without_arguments_is_reported_inside_the_method_and_emits_nothing()
    {
        var run = Harness.Run(SnapshotTests.Models, Usings + """
            public interface IChat
            {
                [GrokEndpoint]
                Task<Answer> AskAsync(Question body);
            }
            """);

        Harness.AssertNoCrash(run);
        Assert.Empty(run.Sources);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("GrokEndpoint", Harness.LocatedText(diagnostic));
        Assert.Contains(run.Input.GetDiagnostics(), d => d.Id == "CS7036");
    }

    [Fact]
    public void Partial_interface_split_over_two_files_gets_one_implementation()
    {
        var run = Harness.Run(
            SnapshotTests.Models,
            Usings + """
                public partial interface IChat
                {
                    [GrokEndpoint("POST", "chat/completions")]
                    Task<Answer> AskAsync(Question body);
                }
                """,
            Usings + """
                public partial interface IChat
                {
                    [GrokEndpoint("GET", "models/{id}")]
                    Task<Answer> GetModelAsync(string id);
                }
                """);

        Harness.AssertNoCrash(run);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal("Sample.IChat.g.cs", Assert.Single(run.Sources).HintName);
        Assert.Empty(run.OutputProblems);
    }

    [Fact]
    public void A_return_type_the_compiler_cannot_bind_gets_no_GROK_diagnostic_of_its_own()
    {
        var run = Harness.Run(
            SnapshotTests.Models,
            """
            namespace One { public sealed class Answer { } }
            namespace Two { public sealed class Answer { } }
            """,
            """
            using System.Threading.Tasks;
            using Grok;
            using One;
            using Two;

            namespace Sample;

            public interface IAmbiguous
            {
                [GrokEndpoint("GET", "answers")]
                Task<Answer> GetAsync();
            }
            """);

        Harness.AssertNoCrash(run);
        Assert.Contains(run.Input.GetDiagnostics(), d => d.Id == "CS0104");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id.StartsWith("GROK", System.StringComparison.Ordinal));
    }
}
