using Microsoft.CodeAnalysis;

namespace Grok.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports; each has a page under docs/diagnostics/.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Grok";
    private const string HelpBase = "https://github.com/grok-dotnet/grok-dotnet/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor NotInInterface = Create(
        "GROK001",
        "[GrokEndpoint] method is not in an interface",
        "'{0}' carries [GrokEndpoint] but is not declared in an interface; only interface methods are implemented");

    public static readonly DiagnosticDescriptor UnknownHttpMethod = Create(
        "GROK002",
        "Unknown HTTP method",
        "'{0}' is not an HTTP method the generator supports; use GET, POST, PUT, PATCH or DELETE");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
        "GROK003",
        "Unsupported return type",
        "'{0}' returns '{1}'; use Task, Task<T>, Task<ApiResponse<T>>, Task<HttpResponseMessage>, Task<Stream>, or IAsyncEnumerable<T> with Stream = true");

    public static readonly DiagnosticDescriptor StreamNeedsStreamingReturn = Create(
        "GROK004",
        "Stream = true needs a streaming return type",
        "'{0}' has Stream = true but returns '{1}'; return IAsyncEnumerable<T> (or Task<Stream> / Task<HttpResponseMessage> for the raw event stream)");

    public static readonly DiagnosticDescriptor AsyncEnumerableNeedsStream = Create(
        "GROK005",
        "IAsyncEnumerable<T> needs Stream = true",
        "'{0}' returns IAsyncEnumerable<T>, which reads server-sent events; add Stream = true to its [GrokEndpoint]");

    public static readonly DiagnosticDescriptor PlaceholderWithoutParameter = Create(
        "GROK006",
        "Path placeholder has no parameter",
        "The path of '{0}' has the placeholder '{{{1}}}' but no parameter is named '{1}' (or [AliasAs(\"{1}\")])");

    public static readonly DiagnosticDescriptor MultipleBodies = Create(
        "GROK007",
        "More than one body",
        "'{0}' has more than one body candidate ('{1}' and '{2}'); a request has one JSON body, so mark the others [Query] or [Header], or combine them");

    public static readonly DiagnosticDescriptor BodyNotAllowed = Create(
        "GROK008",
        "A body on GET or DELETE",
        "'{0}' is {1}, which sends no body, but parameter '{2}' of type '{3}' can only be a body; use POST, PUT or PATCH, or pass simple values");

    public static readonly DiagnosticDescriptor GenericMethod = Create(
        "GROK009",
        "Generic endpoint method",
        "'{0}' is generic; endpoint methods cannot have type parameters, because the wire types must be known at compile time");

    public static readonly DiagnosticDescriptor RefParameter = Create(
        "GROK010",
        "ref, out or in parameter",
        "Parameter '{1}' of '{0}' is passed by reference; endpoint parameters must be passed by value");

    public static readonly DiagnosticDescriptor InaccessibleInterface = Create(
        "GROK011",
        "Interface is not accessible",
        "'{0}' is private, protected or file-local, so its generated implementation cannot see it; make it internal or public");

    public static readonly DiagnosticDescriptor NonEndpointMember = Create(
        "GROK012",
        "Abstract member without [GrokEndpoint]",
        "'{0}' is an abstract member of '{1}' without [GrokEndpoint], so it cannot be implemented; annotate it, give it a default implementation, or move it out");

    public static readonly DiagnosticDescriptor InvalidPath = Create(
        "GROK013",
        "Invalid path",
        "The path '{1}' of '{0}' is not valid: {2}");

    public static readonly DiagnosticDescriptor GenericInterface = Create(
        "GROK014",
        "Generic interface",
        "'{0}' is generic; the generator implements only non-generic interfaces");

    public static readonly DiagnosticDescriptor UnbindableParameter = Create(
        "GROK015",
        "Parameter cannot be bound",
        "Parameter '{1}' of '{0}' cannot be bound: {2}");

    public static readonly DiagnosticDescriptor InvalidMultipart = Create(
        "GROK016",
        "Multipart endpoint cannot be sent",
        "'{0}' cannot send multipart/form-data: {1}");

    private static DiagnosticDescriptor Create(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md");
}
