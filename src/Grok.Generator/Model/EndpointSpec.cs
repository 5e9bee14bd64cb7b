using Grok.Generator.Helpers;

namespace Grok.Generator.Model;

/// <summary>How a method's answer is handed back.</summary>
internal enum ReturnKind
{
    /// <summary><c>Task</c>.</summary>
    Void,

    /// <summary><c>Task&lt;T&gt;</c>, deserialized.</summary>
    Value,

    /// <summary><c>Task&lt;ApiResponse&lt;T&gt;&gt;</c>.</summary>
    ApiResponse,

    /// <summary><c>Task&lt;HttpResponseMessage&gt;</c>.</summary>
    ResponseMessage,

    /// <summary><c>Task&lt;Stream&gt;</c>.</summary>
    Stream,

    /// <summary><c>IAsyncEnumerable&lt;T&gt;</c> over server-sent events.</summary>
    AsyncEnumerable,

    /// <summary><c>IAsyncEnumerable&lt;SseItem&lt;T&gt;&gt;</c>: each event with its name.</summary>
    EventItems,
}

/// <summary>One endpoint method.</summary>
/// <param name="DeclaringInterface">The interface that declares it (the explicit implementation's qualifier).</param>
/// <param name="Name">The method name.</param>
/// <param name="ReturnType">The declared return type.</param>
/// <param name="Kind">How the answer is handed back.</param>
/// <param name="ResultType">The <c>T</c> of the result (inside <c>ApiResponse</c> or <c>SseItem</c> for those kinds), or null.</param>
/// <param name="HttpMethod">The <c>System.Net.Http.HttpMethod</c> property name, e.g. <c>Post</c>.</param>
/// <param name="Path">The path template with a leading <c>/</c>.</param>
/// <param name="Stream">Whether the endpoint streams server-sent events.</param>
/// <param name="Parameters">The parameters, in order.</param>
/// <param name="Multipart">Whether the body is <c>multipart/form-data</c> (Refit's <c>[Multipart]</c>): one part per parameter.</param>
/// <param name="MultipartBoundary">The boundary given to <c>[Multipart]</c>, or null for a generated one.</param>
internal sealed record EndpointSpec(
    TypeRef DeclaringInterface,
    string Name,
    TypeRef ReturnType,
    ReturnKind Kind,
    TypeRef? ResultType,
    string HttpMethod,
    string Path,
    bool Stream,
    EquatableArray<ParameterSpec> Parameters,
    bool Multipart = false,
    string? MultipartBoundary = null);
