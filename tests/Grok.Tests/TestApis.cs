using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace Grok.Tests;

public sealed class Question
{
    public string? Model { get; set; }

    public string? Prompt { get; set; }

    public bool? Stream { get; set; }

    public double? Temperature { get; set; }
}

public sealed class Answer
{
    public string? Id { get; set; }

    public string? Text { get; set; }
}

public sealed class Chunk
{
    public string? Id { get; set; }

    public string? Delta { get; set; }
}

public sealed class EchoInfo
{
    public string? Method { get; set; }

    public string? Path { get; set; }

    public string? Query { get; set; }

    public string? Authorization { get; set; }

    public string? ContentType { get; set; }

    public string? Accept { get; set; }

    public string? Body { get; set; }

    public Dictionary<string, string>? Headers { get; set; }
}

public enum Flavor
{
    Plain,
    [JsonStringEnumMemberName("extra_spicy")]
    ExtraSpicy,
}

public interface ITestChat
{
    [GrokEndpoint("POST", "chat/completions")]
    Task<Answer> AskAsync(Question body, CancellationToken cancellationToken = default);

    [GrokEndpoint("POST", "chat/completions", Stream = true)]
    IAsyncEnumerable<Chunk> AskStreamingAsync(Question body, CancellationToken cancellationToken = default);

    [GrokEndpoint("POST", "chat/completions", Stream = true)]
    IAsyncEnumerable<string> AskStreamingRawAsync(Question body, CancellationToken cancellationToken = default);

    [GrokEndpoint("post", "/chat/completions", Stream = true)]
    Task<Stream> AskStreamingStreamAsync(Question body, CancellationToken cancellationToken = default);

    [GrokEndpoint("POST", "chat/completions", Stream = true)]
    Task<HttpResponseMessage> AskStreamingResponseAsync(Question body, CancellationToken cancellationToken = default);

    [GrokEndpoint("POST", "chat/completions")]
    Task<ApiResponse<Answer>> AskWithResponseAsync(Question body, CancellationToken cancellationToken = default);
}

public interface IEchoApi
{
    [GrokEndpoint("GET", "echo/{id}")]
    Task<EchoInfo> GetAsync(string id, CancellationToken cancellationToken = default);

    [GrokEndpoint("GET", "echo/{ID}/items")]
    Task<EchoInfo> QueryAsync(
        int id,
        string? filter,
        [AliasAs("max_items")] int? limit,
        bool? verbose,
        Flavor? flavor,
        double ratio,
        [Query] string? order = null,
        CancellationToken cancellationToken = default);

    [GrokEndpoint("DELETE", "echo/{id}")]
    Task DeleteAsync(string id, [Header("X-Trace")] string? trace = null);

    [GrokEndpoint("PUT", "echo/{id}")]
    Task<EchoInfo> PutAsync(string id, [Body] Question question, [Header("X-Trace")] string trace);

    [GrokEndpoint("PATCH", "echo")]
    Task<HttpResponseMessage> PatchAsync(Question question);

    [GrokEndpoint("GET", "echo/raw")]
    Task<Stream> RawAsync();

    [GrokEndpoint("GET", "echo/text")]
    Task<string> TextAsync();

    // Parameters named like the generated class's members, and an overload: the generated code must still compile.
    [GrokEndpoint("POST", "echo/{client}")]
    Task<EchoInfo> ShadowAsync(string client, [Header("X-Settings")] string settings, Question request, [AliasAs("this")] bool? Settings = null);

    [GrokEndpoint("GET", "echo/{id}/overload")]
    Task<EchoInfo> GetAsync(int id);
}

public interface IEchoModels
{
    [GrokEndpoint("GET", "models")]
    Task<EchoInfo> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>Declares nothing itself: every endpoint is inherited.</summary>
public interface ICombinedApi : IEchoApi, IEchoModels
{
}
