using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Grok.Generator.Tests;

/// <summary>One run of <see cref="GrokClientGenerator"/> over a compilation.</summary>
/// <param name="Driver">The driver after the run; run it again to test caching.</param>
/// <param name="Input">The compilation the generator saw.</param>
/// <param name="Output">The input plus the generated sources.</param>
/// <param name="DriverDiagnostics">What the driver itself reported (CS8785 when the generator throws).</param>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    Compilation Input,
    Compilation Output,
    ImmutableArray<Diagnostic> DriverDiagnostics)
{
    public GeneratorDriverRunResult RunResult => Driver.GetRunResult();

    public GeneratorRunResult Result => Assert.Single(RunResult.Results);

    public ImmutableArray<GeneratedSourceResult> Sources => Result.GeneratedSources;

    /// <summary>The diagnostics the generator reported (GROKnnn).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    /// <summary>Warnings and errors of the output compilation: the generated code compiled for real.</summary>
    public ImmutableArray<Diagnostic> OutputProblems => Output.GetDiagnostics()
        .Where(d => d.Severity >= DiagnosticSeverity.Warning)
        .ToImmutableArray();
}

internal static class Harness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> s_references = Net100.References.All
        .Cast<MetadataReference>()
        .Concat(new[]
        {
            MetadataReference.CreateFromFile(typeof(GrokEndpointAttribute).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Refit.RestService).Assembly.Location),
        })
        .ToImmutableArray();

    private static readonly CSharpCompilationOptions s_options = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable);

    public static CSharpCompilation Compile(params string[] sources)
        => CSharpCompilation.Create(
            "Sample",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            s_references,
            s_options);

    public static GeneratorDriver CreateDriver()
        => CSharpGeneratorDriver.Create(
            new[] { new GrokClientGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params string[] sources) => Run(CreateDriver(), Compile(sources));

    public static GeneratorRun Run(GeneratorDriver driver, Compilation input)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        return new GeneratorRun(driver, input, output, diagnostics);
    }

    /// <summary>Asserts the generator ran without throwing (no exception, no CS8785).</summary>
    public static void AssertNoCrash(GeneratorRun run)
    {
        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.DriverDiagnostics, d => d.Id == "CS8785");
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id == "CS8785");
    }

    /// <summary>The text a diagnostic's location covers.</summary>
    public static string LocatedText(Diagnostic diagnostic)
    {
        Assert.True(diagnostic.Location.IsInSource, $"{diagnostic.Id} has no source location");
        return diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
    }
}

/// <summary>
/// Checked-in snapshots, one file per generated source: <c>Baselines/{Test}/{HintName}.txt</c> (STYLE.md §6).
/// Hand-written rather than Verify, which our package feed does not serve; it does what dotnet/runtime's
/// generator tests do. <c>GROK_ACCEPT=1 dotnet test</c> rewrites the baselines; review them with <c>git diff</c>.
/// </summary>
internal static class Baseline
{
    private static bool Accepting => Environment.GetEnvironmentVariable("GROK_ACCEPT") == "1";

    /// <summary>Compares the set of generated files and each file's text with <c>Baselines/{test}/</c>.</summary>
    public static void MatchAll(string test, GeneratorRun run)
    {
        var directory = Path.Combine(BaselineRoot(), test);
        var expectedFiles = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)).OrderBy(f => f, StringComparer.Ordinal).ToArray()
            : Array.Empty<string>();
        var actualFiles = run.Sources.Select(s => s.HintName).OrderBy(f => f, StringComparer.Ordinal).ToArray();

        if (Accepting)
        {
            foreach (var stale in expectedFiles.Except(actualFiles))
            {
                File.Delete(Path.Combine(directory, stale + ".txt"));
            }
        }
        else
        {
            Assert.Equal(expectedFiles, actualFiles);
        }

        foreach (var source in run.Sources)
        {
            Match(test, source.HintName, source.SourceText.ToString());
        }
    }

    public static void Match(string test, string hint, string actual)
    {
        var path = Path.Combine(BaselineRoot(), test, hint + ".txt");
        actual = Normalize(actual);
        if (Accepting)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No baseline {path}; run GROK_ACCEPT=1 dotnet test");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
    }

    private static string Normalize(string text)
        => text.Replace("\r\n", "\n").Replace($"\"{GrokClientGenerator.Emitter.Version}\"", "\"%VERSION%\"");

    // Baselines sit in the test project's source directory, recorded at build time (see the .csproj): a CI build maps
    // source paths to /_/, so [CallerFilePath] would point nowhere there.
    private static string BaselineRoot()
    {
        var projectDirectory = typeof(Baseline).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "GrokGeneratorTestsDirectory").Value!;
        return Path.Combine(projectDirectory, "Baselines");
    }
}
