using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Grok.Generator;

/// <summary>Implements every interface whose methods carry <c>[GrokEndpoint]</c> with a Refit-backed client.</summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class GrokClientGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var fromMethods = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeNames.GrokEndpointAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (context, cancellationToken) => Parser.ParseFromMethod(context, cancellationToken))
            .Where(static result => result is not null)
            .WithTrackingName(TrackingNames.EndpointMethods);

        // An interface that only inherits endpoints (interface IAll : IChat, IModels { }) gets an implementation too.
        var fromDerived = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is InterfaceDeclarationSyntax { BaseList: not null },
                static (context, cancellationToken) => Parser.ParseFromDerivedInterface(context, cancellationToken))
            .Where(static result => result is not null)
            .WithTrackingName(TrackingNames.DerivedInterfaces);

        var results = fromMethods.Collect()
            .Combine(fromDerived.Collect())
            .SelectMany(static (pair, cancellationToken) => Deduplicate(pair.Left.AddRange(pair.Right), cancellationToken))
            .WithTrackingName(TrackingNames.ParseResults);

        var specs = results
            .Select(static (result, _) => result.Spec)
            .Where(static spec => spec is not null)
            .WithTrackingName(TrackingNames.ClientSpec);

        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .Where(static diagnostics => !diagnostics.IsEmpty)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(specs, static (output, spec) =>
            output.AddSource(spec!.HintName, SourceText.From(Emitter.Emit(spec), Encoding.UTF8)));

        context.RegisterSourceOutput(diagnostics, static (output, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics)
            {
                output.ReportDiagnostic(diagnostic);
            }
        });
    }

    private static ImmutableArray<ParseResult> Deduplicate(ImmutableArray<ParseResult?> results, System.Threading.CancellationToken cancellationToken)
    {
        // One result per interface (an interface is parsed for its first annotated method only), in ordinal order.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = ImmutableArray.CreateBuilder<ParseResult>();

        // Distinct interfaces can still sanitize to the same names (A_B.C and A.B_C give the class A_B_C; IChat and
        // Ichat give hint names that AddSource, which ignores case, rejects): number the later ones.
        var implementationNames = new HashSet<string>(StringComparer.Ordinal);
        var hintNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var result in results.OrderBy(static r => r!.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!seen.Add(result!.Key))
            {
                continue;
            }

            if (result.Spec is { } spec)
            {
                var stem = spec.HintName.Substring(0, spec.HintName.Length - ".g.cs".Length);
                var (implementationName, hintName) = (spec.ImplementationName, spec.HintName);
                for (var suffix = 2; implementationNames.Contains(implementationName) || hintNames.Contains(hintName); suffix++)
                {
                    (implementationName, hintName) = (spec.ImplementationName + "_" + suffix, stem + "_" + suffix + ".g.cs");
                }

                implementationNames.Add(implementationName);
                hintNames.Add(hintName);
                if (hintName != spec.HintName)
                {
                    unique.Add(result with { Spec = spec with { ImplementationName = implementationName, HintName = hintName } });
                    continue;
                }
            }

            unique.Add(result);
        }

        return unique.ToImmutable();
    }
}
