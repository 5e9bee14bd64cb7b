using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Sdk;

namespace Grok.Generator.Tests.Incremental;

/// <summary>
/// The cached spec holds plain data only: a symbol, syntax node or compilation in it would keep whole compilations
/// alive and break caching (dotnet/runtime's SourceGenModelDoesNotEncapsulateSymbolsOrCompilationData).
/// </summary>
public sealed class ModelGraphTests
{
    private static readonly Type[] s_forbidden =
    {
        typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SemanticModel), typeof(Location),
        typeof(SyntaxTree), typeof(SyntaxToken), typeof(AttributeData),
    };

    [Fact]
    public void ClientSpec_step_holds_no_symbols_syntax_compilations_or_locations()
    {
        var run = Harness.Run(SnapshotTests.Models, """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Grok;
            using Refit;
            using Sample.Models;

            namespace Sample;

            public interface IEverything
            {
                [GrokEndpoint("GET", "items/{id}")]
                Task<ApiResponse<Answer>> GetAsync(int id, Flavor? flavor, [AliasAs("q")] string? query, [Header("X-Trace")] string trace, CancellationToken cancellationToken);

                [GrokEndpoint("POST", "chat/completions", Stream = true)]
                IAsyncEnumerable<Chunk> StreamAsync([Body] Question body);
            }
            """);
        Assert.Empty(run.OutputProblems);

        var walked = new HashSet<Type>();
        foreach (var output in run.Result.TrackedSteps[TrackingNames.ClientSpec].SelectMany(s => s.Outputs))
        {
            Walk(output.Value, "spec", new HashSet<object>(ReferenceEqualityComparer.Instance), walked);
        }

        // Make sure the walk went all the way down, not just past the root.
        Assert.Contains(typeof(Model.ClientSpec), walked);
        Assert.Contains(typeof(Model.EndpointSpec), walked);
        Assert.Contains(typeof(Model.ParameterSpec), walked);
        Assert.Contains(typeof(Model.EnumValueSpec), walked);
        Assert.Contains(typeof(Model.TypeRef), walked);
    }

    [Fact]
    public void The_walker_finds_a_location_hidden_in_an_array()
    {
        var graph = new object[] { "text", new KeyValuePair<string, object>("where", Location.None) };

        Assert.ThrowsAny<XunitException>(() => Walk(graph, "graph", new HashSet<object>(ReferenceEqualityComparer.Instance), new HashSet<Type>()));
    }

    private static void Walk(object? value, string path, HashSet<object> visited, HashSet<Type> walked)
    {
        if (value is null)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(IsForbidden(type), $"{path} holds a {type}");
        if (type.IsPrimitive || type.IsEnum || value is string || type.IsPointer)
        {
            return;
        }

        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        walked.Add(type);
        if (value is Array array)
        {
            var index = 0;
            foreach (var item in array)
            {
                Walk(item, $"{path}[{index++}]", visited, walked);
            }

            return;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Assert.False(IsForbidden(field.FieldType), $"{path}.{field.Name} is declared as {field.FieldType}");
                Walk(field.GetValue(value), $"{path}.{field.Name}", visited, walked);
            }
        }
    }

    private static bool IsForbidden(Type type) => s_forbidden.Any(forbidden => forbidden.IsAssignableFrom(type));
}
