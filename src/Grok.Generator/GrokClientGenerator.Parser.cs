using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Grok.Generator.Diagnostics;
using Grok.Generator.Helpers;
using Grok.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Grok.Generator;

public sealed partial class GrokClientGenerator
{
    /// <summary>What parsing one interface gives: a spec to emit (null when it has errors) and the diagnostics.</summary>
    internal sealed record ParseResult(string Key, ClientSpec? Spec, ImmutableArray<Diagnostic> Diagnostics)
    {
        public bool Equals(ParseResult? other)
            => other is not null && Key == other.Key && Equals(Spec, other.Spec) && Diagnostics.SequenceEqual(other.Diagnostics);

        public override int GetHashCode() => Key.GetHashCode();
    }

    internal static class Parser
    {
        private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        private static readonly SymbolDisplayFormat s_interfaceNameFormat = new(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

        /// <summary>Parses the interface that contains an annotated method (or reports a method outside any interface).</summary>
        public static ParseResult? ParseFromMethod(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not IMethodSymbol method)
            {
                return null;
            }

            if (method.ContainingType is not { TypeKind: TypeKind.Interface } iface)
            {
                var location = AttributeLocation(context.Attributes.FirstOrDefault(), cancellationToken) ?? context.TargetNode.GetLocation();
                return new ParseResult(
                    "method:" + method.ToDisplayString(),
                    null,
                    ImmutableArray.Create(Diagnostic.Create(DiagnosticDescriptors.NotInInterface, location, method.Name)));
            }

            // Every annotated method of an interface is a hit, but the interface is parsed once: for its first
            // annotated method (in member order); the other hits yield nothing.
            var attributeClass = context.Attributes.FirstOrDefault()?.AttributeClass;
            foreach (var member in iface.GetMembers())
            {
                if (member is IMethodSymbol candidate && candidate.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeClass)))
                {
                    if (!SymbolEqualityComparer.Default.Equals(candidate, method))
                    {
                        return null;
                    }

                    break;
                }
            }

            return ParseInterface(iface, cancellationToken);
        }

        /// <summary>Parses an interface that declares no endpoint itself but inherits some.</summary>
        public static ParseResult? ParseFromDerivedInterface(GeneratorSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.SemanticModel.GetDeclaredSymbol(context.Node, cancellationToken) is not INamedTypeSymbol iface)
            {
                return null;
            }

            if (iface.GetMembers().OfType<IMethodSymbol>().Any(m => FindEndpointAttribute(m) is not null)
                || !iface.AllInterfaces.Any(i => i.GetMembers().OfType<IMethodSymbol>().Any(m => FindEndpointAttribute(m) is not null)))
            {
                return null;
            }

            return ParseInterface(iface, cancellationToken);
        }

        private static ParseResult ParseInterface(INamedTypeSymbol iface, CancellationToken cancellationToken)
        {
            var key = iface.ToDisplayString(s_interfaceNameFormat);
            var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
            var fallbackLocation = iface.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None;

            var members = iface.GetMembers()
                .Concat(iface.AllInterfaces.SelectMany(i => i.GetMembers()))
                .ToArray();
            var annotated = members.OfType<IMethodSymbol>().Where(m => FindEndpointAttribute(m) is not null).ToArray();

            if (iface.IsGenericType)
            {
                foreach (var method in annotated)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.GenericInterface, AttributeLocation(FindEndpointAttribute(method), cancellationToken) ?? fallbackLocation, iface.Name));
                }

                return new ParseResult(key, null, diagnostics.ToImmutable());
            }

            if (!IsAccessible(iface))
            {
                foreach (var method in annotated)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InaccessibleInterface, AttributeLocation(FindEndpointAttribute(method), cancellationToken) ?? fallbackLocation, iface.Name));
                }

                return new ParseResult(key, null, diagnostics.ToImmutable());
            }

            var endpoints = new List<EndpointSpec>();
            foreach (var member in members)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // IDisposable.Dispose is implemented by the runtime base class (GrokGeneratedClient), not generated.
                if (!member.IsAbstract || member.ContainingType.SpecialType == SpecialType.System_IDisposable)
                {
                    continue;
                }

                // A static abstract member is not implementable by the generated class (and bars the interface from
                // being a type argument), so it falls through to GROK012 like any other unimplementable member.
                if (!member.IsStatic && member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && FindEndpointAttribute(method) is { } attribute)
                {
                    var endpoint = ParseEndpoint(method, attribute, diagnostics, fallbackLocation, cancellationToken);
                    if (endpoint is not null)
                    {
                        endpoints.Add(endpoint);
                    }
                }
                else if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } or IPropertySymbol or IEventSymbol)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.NonEndpointMember, SourceLocation(member, fallbackLocation), member.Name, member.ContainingType.Name));
                }
            }

            var hasErrors = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
            if (hasErrors)
            {
                return new ParseResult(key, null, diagnostics.ToImmutable());
            }

            var implementationName = Sanitize(key.Replace('.', '_'));
            var spec = new ClientSpec(
                new TypeRef(iface.ToDisplayString(s_typeFormat)),
                implementationName,
                Sanitize(key) + ".g.cs",
                endpoints.ToEquatableArray());
            return new ParseResult(key, spec, diagnostics.ToImmutable());
        }

        private static EndpointSpec? ParseEndpoint(
            IMethodSymbol method,
            AttributeData attribute,
            ImmutableArray<Diagnostic>.Builder diagnostics,
            Location fallbackLocation,
            CancellationToken cancellationToken)
        {
            var syntax = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as MethodDeclarationSyntax;
            var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            var attributeLocation = attributeSyntax?.GetLocation() ?? SourceLocation(method, fallbackLocation);
            var methodArgLocation = attributeSyntax?.ArgumentList?.Arguments.ElementAtOrDefault(0)?.GetLocation() ?? attributeLocation;
            var pathArgLocation = attributeSyntax?.ArgumentList?.Arguments.ElementAtOrDefault(1)?.GetLocation() ?? attributeLocation;
            var returnLocation = syntax?.ReturnType.GetLocation() ?? attributeLocation;
            var errorsBefore = diagnostics.Count;

            // Half-typed attributes ([GrokEndpoint("POST")]) are the compiler's to report; emit nothing for them.
            if (attribute.ConstructorArguments.Length != 2
                || attribute.ConstructorArguments[0].Value is not string httpMethodText
                || attribute.ConstructorArguments[1].Value is not string pathText)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidPath, pathArgLocation, method.Name, "", "the attribute needs a method and a path, as in [GrokEndpoint(\"POST\", \"chat/completions\")]"));
                return null;
            }

            var stream = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Stream").Value.Value is true;
            var multipartAttribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownTypeNames.MultipartAttribute);
            var multipart = multipartAttribute is not null;
            // [Multipart] alone means a random boundary; Refit's default argument is a fixed one that a file could contain.
            var boundary = (multipartAttribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.ArgumentList is { Arguments.Count: > 0 }
                ? multipartAttribute!.ConstructorArguments.FirstOrDefault().Value as string
                : null;

            var httpMethod = httpMethodText.Trim().ToUpperInvariant() switch
            {
                "GET" => "Get",
                "POST" => "Post",
                "PUT" => "Put",
                "PATCH" => "Patch",
                "DELETE" => "Delete",
                _ => null,
            };
            if (httpMethod is null)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnknownHttpMethod, methodArgLocation, httpMethodText));
            }

            if (method.IsGenericMethod)
            {
                var location = syntax?.TypeParameterList?.GetLocation() ?? syntax?.Identifier.GetLocation() ?? attributeLocation;
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.GenericMethod, location, method.Name));
            }

            var (kind, resultType) = ClassifyReturn(method.ReturnType);
            if (kind is null && ContainsErrorType(method.ReturnType))
            {
                // The compiler already reports the type it cannot bind (CS0246, CS0104, ...); a GROK003 would only mislead.
            }
            else if (kind is null)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnsupportedReturnType, returnLocation, method.Name, method.ReturnType.ToDisplayString()));
            }
            else if (stream && kind is not (ReturnKind.AsyncEnumerable or ReturnKind.EventItems or ReturnKind.Stream or ReturnKind.ResponseMessage))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.StreamNeedsStreamingReturn, returnLocation, method.Name, method.ReturnType.ToDisplayString()));
            }
            else if (!stream && kind is ReturnKind.AsyncEnumerable or ReturnKind.EventItems)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.AsyncEnumerableNeedsStream, returnLocation, method.Name));
            }

            var path = ParsePath(pathText, out var placeholders, out var pathError);
            if (pathError is not null)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidPath, pathArgLocation, method.Name, pathText, pathError));
            }

            if (multipart && httpMethod is "Get" or "Delete")
            {
                var location = multipartAttribute!.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? attributeLocation;
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidMultipart, location, method.Name, $"[Multipart] sends a body, which {httpMethod.ToUpperInvariant()} does not take; use POST, PUT or PATCH"));
            }

            var parameters = ParseParameters(method, syntax, httpMethod, placeholders, pathArgLocation, attributeLocation, multipart, diagnostics);

            if (diagnostics.Count > errorsBefore || httpMethod is null || kind is null || path is null)
            {
                return null;
            }

            return new EndpointSpec(
                new TypeRef(method.ContainingType.ToDisplayString(s_typeFormat)),
                method.Name,
                new TypeRef(method.ReturnType.ToDisplayString(s_typeFormat)),
                kind.Value,
                resultType is null ? null : new TypeRef(resultType.ToDisplayString(s_typeFormat)),
                httpMethod,
                path,
                stream,
                parameters.ToEquatableArray(),
                multipart,
                string.IsNullOrEmpty(boundary) ? null : boundary);
        }

        private static List<ParameterSpec> ParseParameters(
            IMethodSymbol method,
            MethodDeclarationSyntax? syntax,
            string? httpMethod,
            List<string> placeholders,
            Location pathArgLocation,
            Location attributeLocation,
            bool multipart,
            ImmutableArray<Diagnostic>.Builder diagnostics)
        {
            var specs = new List<ParameterSpec>();
            var bound = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            IParameterSymbol? firstBody = null;
            var sawCancellationToken = false;

            for (var i = 0; i < method.Parameters.Length; i++)
            {
                var parameter = method.Parameters[i];
                var location = syntax?.ParameterList.Parameters.ElementAtOrDefault(i)?.GetLocation() ?? attributeLocation;
                var type = parameter.Type;

                // A placeholder named by a parameter is bound even when that parameter has an error of its own,
                // so the user sees one diagnostic (the parameter's), not a second GROK006 for the placeholder.
                var aliasName = GetAttribute(parameter, KnownTypeNames.AliasAsAttribute)?.ConstructorArguments.FirstOrDefault().Value as string;
                foreach (var name in placeholders)
                {
                    if (string.Equals(name, aliasName ?? parameter.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        bound.Add(name);
                    }
                }

                if (parameter.RefKind != RefKind.None)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.RefParameter, location, method.Name, parameter.Name));
                    continue;
                }

                if (IsType(type, KnownTypeNames.CancellationToken))
                {
                    if (sawCancellationToken)
                    {
                        diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnbindableParameter, location, method.Name, parameter.Name, "a method takes at most one CancellationToken"));
                        continue;
                    }

                    sawCancellationToken = true;
                    specs.Add(Simple(parameter, ParameterKind.CancellationToken, null, ValueFormat.None));
                    continue;
                }

                var alias = GetAttribute(parameter, KnownTypeNames.AliasAsAttribute)?.ConstructorArguments.FirstOrDefault().Value as string;
                var header = GetAttribute(parameter, KnownTypeNames.HeaderAttribute);
                var isBody = GetAttribute(parameter, KnownTypeNames.BodyAttribute) is not null;
                var isQuery = GetAttribute(parameter, KnownTypeNames.QueryAttribute) is not null;
                var format = GetFormat(type);
                var placeholder = placeholders.FirstOrDefault(p =>
                    string.Equals(p, alias ?? parameter.Name, StringComparison.OrdinalIgnoreCase));

                if (header is not null)
                {
                    var headerName = header.ConstructorArguments.FirstOrDefault().Value as string;
                    if (string.IsNullOrWhiteSpace(headerName))
                    {
                        diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnbindableParameter, location, method.Name, parameter.Name, "[Header] needs a header name"));
                        continue;
                    }

                    specs.Add(Simple(parameter, ParameterKind.Header, headerName, format == ValueFormat.None ? ValueFormat.Other : format));
                }
                else if (isBody && multipart)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidMultipart, location, method.Name, $"[Body] '{parameter.Name}' cannot go with [Multipart], whose parameters are the parts; remove one of the two"));
                }
                else if (isBody)
                {
                    AddBody(parameter, location);
                }
                else if (placeholder is not null && !isQuery)
                {
                    if (format == ValueFormat.None)
                    {
                        diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnbindableParameter, location, method.Name, parameter.Name, $"it fills the path placeholder '{{{placeholder}}}' but its type '{type.ToDisplayString()}' is not a string, number, bool, Guid, date or enum"));
                        continue;
                    }

                    bound.Add(placeholder);
                    specs.Add(Simple(parameter, ParameterKind.Path, placeholder, format));
                }
                else if (multipart && !isQuery)
                {
                    // Refit's rule: in a [Multipart] method every remaining parameter is one part, in declaration order.
                    if (format != ValueFormat.None)
                    {
                        specs.Add(Simple(parameter, ParameterKind.FormField, alias ?? parameter.Name, format));
                    }
                    else if (IsFilePart(type))
                    {
                        specs.Add(Simple(parameter, ParameterKind.FilePart, alias ?? parameter.Name, ValueFormat.None));
                    }
                    else
                    {
                        diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidMultipart, location, method.Name, $"parameter '{parameter.Name}' of type '{type.ToDisplayString()}' cannot be a part; use StreamPart, ByteArrayPart, FileInfoPart or Stream for a file, or a string, number, bool or enum for a field"));
                    }
                }
                else if (format != ValueFormat.None)
                {
                    specs.Add(Simple(parameter, ParameterKind.Query, alias ?? parameter.Name, format));
                }
                else if (isQuery)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnbindableParameter, location, method.Name, parameter.Name, $"[Query] takes a string, number, bool, Guid, date or enum, not '{type.ToDisplayString()}'"));
                }
                else
                {
                    AddBody(parameter, location);
                }
            }

            foreach (var placeholder in placeholders)
            {
                if (!bound.Contains(placeholder))
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.PlaceholderWithoutParameter, pathArgLocation, method.Name, placeholder));
                }
            }

            return specs;

            void AddBody(IParameterSymbol parameter, Location location)
            {
                if (httpMethod is "Get" or "Delete")
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.BodyNotAllowed, location, method.Name, httpMethod.ToUpperInvariant(), parameter.Name, parameter.Type.ToDisplayString()));
                    return;
                }

                if (firstBody is not null)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.MultipleBodies, location, method.Name, firstBody.Name, parameter.Name));
                    return;
                }

                firstBody = parameter;
                specs.Add(Simple(parameter, ParameterKind.Body, null, ValueFormat.None));
            }
        }

        private static ParameterSpec Simple(IParameterSymbol parameter, ParameterKind kind, string? key, ValueFormat format)
        {
            var type = parameter.Type;
            var isNullableValue = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
            var underlying = isNullableValue ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
            var enumValues = format == ValueFormat.Enum
                ? underlying.GetMembers().OfType<IFieldSymbol>()
                    .Where(f => f.HasConstantValue)
                    .Select(f => new EnumValueSpec(f.Name, EnumJsonName(f)))
                    .ToEquatableArray()
                : EquatableArray<EnumValueSpec>.Empty;

            return new ParameterSpec(
                parameter.Name,
                new TypeRef(type.ToDisplayString(s_typeFormat)),
                kind,
                key,
                format,
                isNullableValue,
                isNullableValue || !type.IsValueType,
                enumValues);
        }

        private static string EnumJsonName(IFieldSymbol field)
        {
            foreach (var attribute in field.GetAttributes())
            {
                var name = attribute.AttributeClass?.ToDisplayString();
                if (name == KnownTypeNames.JsonStringEnumMemberNameAttribute && attribute.ConstructorArguments.FirstOrDefault().Value is string jsonName)
                {
                    return jsonName;
                }

                if (name == KnownTypeNames.EnumMemberAttribute
                    && attribute.NamedArguments.FirstOrDefault(a => a.Key == "Value").Value.Value is string value)
                {
                    return value;
                }
            }

            return field.Name;
        }

        private static ValueFormat GetFormat(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                return ValueFormat.Enum;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                    return ValueFormat.String;
                case SpecialType.System_Boolean:
                    return ValueFormat.Boolean;
                case SpecialType.System_Char:
                    return ValueFormat.Other;
                case SpecialType.System_DateTime:
                    return ValueFormat.RoundTripDate;
                case SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                    or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                    or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal:
                    return ValueFormat.Formattable;
            }

            var name = type.ToDisplayString();
            return name switch
            {
                "System.DateTimeOffset" => ValueFormat.RoundTripDate,
                "System.Guid" or "System.TimeSpan" or "System.Int128" or "System.UInt128" or "System.DateOnly" or "System.TimeOnly" => ValueFormat.Formattable,
                _ => ValueFormat.None,
            };
        }

        private static (ReturnKind? Kind, ITypeSymbol? Result) ClassifyReturn(ITypeSymbol returnType)
        {
            if (returnType is not INamedTypeSymbol named)
            {
                return (null, null);
            }

            if (IsType(named, KnownTypeNames.Task))
            {
                return (ReturnKind.Void, null);
            }

            if (named.TypeArguments.Length != 1)
            {
                return (null, null);
            }

            var argument = named.TypeArguments[0];
            if (IsType(named.OriginalDefinition, KnownTypeNames.AsyncEnumerable))
            {
                return argument is INamedTypeSymbol { TypeArguments.Length: 1 } item && IsType(item.OriginalDefinition, KnownTypeNames.SseItem)
                    ? (ReturnKind.EventItems, item.TypeArguments[0])
                    : (ReturnKind.AsyncEnumerable, argument);
            }

            if (!IsType(named.OriginalDefinition, KnownTypeNames.TaskOfT))
            {
                return (null, null);
            }

            if (argument is INamedTypeSymbol { TypeArguments.Length: 1 } inner && IsType(inner.OriginalDefinition, KnownTypeNames.ApiResponse))
            {
                return (ReturnKind.ApiResponse, inner.TypeArguments[0]);
            }

            if (IsType(argument, KnownTypeNames.HttpResponseMessage))
            {
                return (ReturnKind.ResponseMessage, argument);
            }

            if (IsType(argument, KnownTypeNames.Stream))
            {
                return (ReturnKind.Stream, argument);
            }

            return argument.TypeKind == TypeKind.Error ? (null, null) : (ReturnKind.Value, argument);
        }

        private static bool ContainsErrorType(ITypeSymbol type)
            => type.TypeKind == TypeKind.Error
                || (type is INamedTypeSymbol named && named.TypeArguments.Any(ContainsErrorType))
                || (type is IArrayTypeSymbol array && ContainsErrorType(array.ElementType));

        /// <summary>Normalizes the path to a leading <c>/</c> and lists its placeholders; null with an error when malformed.</summary>
        internal static string? ParsePath(string text, out List<string> placeholders, out string? error)
        {
            placeholders = new List<string>();
            error = null;
            var path = text.Trim();
            if (path.Length == 0)
            {
                error = "it is empty";
                return null;
            }

            if (path.Contains("://") || path.StartsWith("//", StringComparison.Ordinal))
            {
                error = "it must be relative to the base address, such as \"chat/completions\"";
                return null;
            }

            if (path.IndexOfAny(new[] { ' ', '\t', '\r', '\n', '#' }) >= 0)
            {
                error = "it must not contain whitespace or '#'";
                return null;
            }

            for (var i = 0; i < path.Length; i++)
            {
                if (path[i] == '}')
                {
                    error = $"the '}}' at position {i} closes no placeholder";
                    return null;
                }

                if (path[i] != '{')
                {
                    continue;
                }

                var end = path.IndexOf('}', i + 1);
                var name = end < 0 ? null : path.Substring(i + 1, end - i - 1);
                if (name is null || name.Length == 0 || name.IndexOf('{') >= 0 || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
                {
                    error = $"the placeholder at position {i} must be '{{name}}' with a parameter name inside";
                    return null;
                }

                placeholders.Add(name);
                i = end;
            }

            var pathPart = path.Split('?')[0];
            if (pathPart.Split('/').Any(segment => segment is "." or ".."))
            {
                error = "it must not contain '.' or '..' segments: a request never leaves the base address's path";
                return null;
            }

            return "/" + path.TrimStart('/');
        }

        private static bool IsAccessible(INamedTypeSymbol type)
        {
            for (ISymbol? current = type; current is INamedTypeSymbol named; current = named.ContainingType)
            {
                if (named.IsFileLocal || named.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
                {
                    return false;
                }
            }

            return true;
        }

        private static AttributeData? FindEndpointAttribute(IMethodSymbol method)
            => method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownTypeNames.GrokEndpointAttribute);

        private static AttributeData? GetAttribute(IParameterSymbol parameter, string metadataName)
            => parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == metadataName);

        /// <summary>Whether a type is sent as a file part: Refit's part types, or a <c>Stream</c> (or a type derived from it).</summary>
        private static bool IsFilePart(ITypeSymbol type)
        {
            if (IsType(type, KnownTypeNames.StreamPart) || IsType(type, KnownTypeNames.ByteArrayPart) || IsType(type, KnownTypeNames.FileInfoPart))
            {
                return true;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (IsType(current, KnownTypeNames.Stream))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsType(ITypeSymbol type, string metadataName)
        {
            var name = type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;
            return name == metadataName;
        }

        private static Location? AttributeLocation(AttributeData? attribute, CancellationToken cancellationToken)
            => attribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

        private static Location SourceLocation(ISymbol symbol, Location fallback)
            => symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? fallback;

        private static string Sanitize(string name)
        {
            var chars = name.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (!(char.IsLetterOrDigit(chars[i]) || chars[i] is '_' or '.'))
                {
                    chars[i] = '_';
                }
            }

            return new string(chars);
        }
    }
}
