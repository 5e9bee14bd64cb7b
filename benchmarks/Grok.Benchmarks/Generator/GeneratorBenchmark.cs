using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Grok.Benchmarks.Runner;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Grok.Benchmarks.Generator;

/// <summary>
/// Grok's generator against Refit's, each in a <see cref="CSharpGeneratorDriver"/> over the same shape of code:
/// N interfaces of M methods (GETs with a path value and a query, POSTs with a body, streams). Both generators are
/// loaded from their shipped dlls (Grok's build output, Refit's package analyzers folder). Measured: a full run (fresh
/// compilation and driver), a run after an unrelated edit (a method body in another file changed), and binding alone
/// (<c>GetDeclarationDiagnostics</c> of the edited compilation: the symbols and attributes any generator must see).
/// Time and process-wide allocated bytes, medians over runs, Grok and Refit alternated.
/// </summary>
internal static class GeneratorBenchmark
{
    public static List<GeneratorResult> Run(int interfaces, int methods, int runs, TextWriter log)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var references = References();
        var results = new List<GeneratorResult>();
        var grok = Load(Metadata("GrokGeneratorPath"));
        var refit = Load(Metadata("RefitGeneratorPath"));
        foreach (var (name, generator, source) in new[]
        {
            ("Grok generator", grok, GrokSource(interfaces, methods)),
            ("Refit 16.4 generator", refit, RefitSource(interfaces, methods)),
        })
        {
            var trees = new[]
            {
                CSharpSyntaxTree.ParseText(source, parseOptions, "Api.cs"),
                CSharpSyntaxTree.ParseText(Models, parseOptions, "Models.cs"),
                CSharpSyntaxTree.ParseText(Unrelated(1), parseOptions, "Unrelated.cs"),
            };
            var edited = CSharpSyntaxTree.ParseText(Unrelated(2), parseOptions, "Unrelated.cs");
            Compilation Fresh() => CSharpCompilation.Create("Bench", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            GeneratorDriver Driver(bool track = false) => CSharpGeneratorDriver.Create([generator], parseOptions: parseOptions, driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

            var full = new List<(double Ms, double Mb)>();
            var incremental = new List<(double Ms, double Mb)>();
            var binding = new List<(double Ms, double Mb)>();
            var generated = 0;
            var errors = 0;
            for (var run = 0; run <= runs; run++)
            {
                var compilation = Fresh();
                var driver = Driver();
                var (d1, f) = Measure(() => driver.RunGenerators(compilation));
                var afterEdit = compilation.ReplaceSyntaxTree(trees[2], edited);
                var (_, i) = Measure(() => d1.RunGenerators(afterEdit));
                var (_, b) = Measure(() => Fresh().ReplaceSyntaxTree(trees[2], edited).GetDeclarationDiagnostics());
                if (run == 0)
                {
                    // The first run is the JIT's; it only checks the output.
                    var result = d1.GetRunResult();
                    generated = result.GeneratedTrees.Length;
                    d1.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
                    errors = output.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
                    continue;
                }

                full.Add(f);
                incremental.Add(i);
                binding.Add(b);
            }

            var reemitted = Reemitted(Driver(track: true), Fresh(), trees[2], edited);
            var r = new GeneratorResult(
                name,
                Statistics.Median(full.Select(x => x.Ms).ToArray()),
                Statistics.Median(full.Select(x => x.Mb).ToArray()),
                Statistics.Median(incremental.Select(x => x.Ms).ToArray()),
                Statistics.Median(incremental.Select(x => x.Mb).ToArray()),
                Statistics.Median(binding.Select(x => x.Ms).ToArray()),
                Statistics.Median(binding.Select(x => x.Mb).ToArray()),
                generated,
                reemitted,
                errors);
            log.WriteLine($"  {r}");
            results.Add(r);
        }

        return results;
    }

    private static (T Value, (double Ms, double Mb) Cost) Measure<T>(Func<T> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var value = action();
        var ms = watch.Elapsed.TotalMilliseconds;
        var mb = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1e6;
        return (value, (ms, mb));
    }

    /// <summary>How many outputs the run after the unrelated edit produced anew (neither cached nor unchanged).</summary>
    private static int Reemitted(GeneratorDriver driver, Compilation compilation, SyntaxTree unrelated, SyntaxTree edited)
    {
        driver = driver.RunGenerators(compilation);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(unrelated, edited));
        return driver.GetRunResult().Results[0].TrackedOutputSteps
            .SelectMany(step => step.Value)
            .SelectMany(run => run.Outputs)
            .Count(output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }

    private static ISourceGenerator Load(string path)
    {
        var assembly = Assembly.LoadFrom(path);
        var type = assembly.GetTypes().Single(t => typeof(IIncrementalGenerator).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttributes<GeneratorAttribute>().Any());
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    }

    private static string Metadata(string key)
        => typeof(GeneratorBenchmark).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException($"No {key} in the benchmark's assembly metadata.");

    private static ImmutableArray<MetadataReference> References()
    {
        // The shared framework's assemblies plus Refit and Grok.Abstractions: what both generators bind against.
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = Directory.GetFiles(framework, "*.dll")
            .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "netstandard.dll" or "mscorlib.dll"))
            .Append(typeof(Refit.RestService).Assembly.Location)
            .Append(typeof(GrokEndpointAttribute).Assembly.Location);
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    private const string Models = """
        namespace Bench;
        public sealed record Item(string Id, string Name, int Count);
        public sealed record ItemRequest(string Name, int Count, System.Collections.Generic.IReadOnlyList<string> Tags);
        public sealed record ItemChunk(string? Delta);
        """;

    private static string Unrelated(int value) => $$"""
        namespace Bench;
        public static class Unrelated
        {
            public static int Value() => {{value}};
        }
        """;

    /// <summary>Method k of an interface: a GET with a path value and a query, a POST with a body, or a stream.</summary>
    private static string GrokSource(int interfaces, int methods)
    {
        var text = new StringBuilder("using System.Collections.Generic;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing Grok;\nusing Refit;\nnamespace Bench;\n");
        for (var i = 0; i < interfaces; i++)
        {
            text.Append("public interface IApi").Append(i).Append("\n{\n");
            for (var k = 0; k < methods; k++)
            {
                text.Append((k % 5) switch
                {
                    0 or 1 => $"    [GrokEndpoint(\"GET\", \"items{i}/{{id}}/m{k}\")] Task<Item> M{k}Async(string id, [Query] int? limit = null, CancellationToken cancellationToken = default);\n",
                    2 or 3 => $"    [GrokEndpoint(\"POST\", \"items{i}/m{k}\")] Task<Item> M{k}Async(ItemRequest body, CancellationToken cancellationToken = default);\n",
                    _ => $"    [GrokEndpoint(\"POST\", \"items{i}/m{k}\", Stream = true)] IAsyncEnumerable<ItemChunk> M{k}Async(ItemRequest body, CancellationToken cancellationToken = default);\n",
                });
            }

            text.Append("}\n");
        }

        return text.ToString();
    }

    /// <summary>The same interfaces for Refit (a stream is the raw response, which Refit leaves to the caller).</summary>
    private static string RefitSource(int interfaces, int methods)
    {
        var text = new StringBuilder("using System.Net.Http;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing Refit;\nnamespace Bench;\n");
        for (var i = 0; i < interfaces; i++)
        {
            text.Append("public interface IApi").Append(i).Append("\n{\n");
            for (var k = 0; k < methods; k++)
            {
                text.Append((k % 5) switch
                {
                    0 or 1 => $"    [Get(\"/items{i}/{{id}}/m{k}\")] Task<Item> M{k}Async(string id, [Query] int? limit = null, CancellationToken cancellationToken = default);\n",
                    2 or 3 => $"    [Post(\"/items{i}/m{k}\")] Task<Item> M{k}Async([Body] ItemRequest body, CancellationToken cancellationToken = default);\n",
                    _ => $"    [Post(\"/items{i}/m{k}\")] Task<HttpResponseMessage> M{k}Async([Body] ItemRequest body, CancellationToken cancellationToken = default);\n",
                });
            }

            text.Append("}\n");
        }

        return text.ToString();
    }
}

/// <summary>One generator's costs: medians in ms and MB allocated.</summary>
internal sealed record GeneratorResult(
    string Generator,
    double FullMs,
    double FullMb,
    double EditMs,
    double EditMb,
    double BindingMs,
    double BindingMb,
    int GeneratedFiles,
    int ReemittedAfterEdit,
    int CompileErrors);
