using System.Collections.Generic;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Grok;
using Refit;

namespace Grok.Samples.CustomEndpoints;

/// <summary>Your own view of the xAI API: only the calls and the fields you need.</summary>
public interface IMyGrok
{
    /// <summary>A plain chat call with a lean request and answer of your own.</summary>
    [GrokEndpoint("POST", "chat/completions")]
    Task<MyAnswer> AskAsync(MyQuestion question, CancellationToken cancellationToken = default);

    /// <summary>The same call, streamed: each chunk as it arrives.</summary>
    [GrokEndpoint("POST", "chat/completions", Stream = true)]
    IAsyncEnumerable<MyChunk> AskStreamingAsync(MyQuestion question, CancellationToken cancellationToken = default);

    /// <summary>The Responses API, streamed: typed events of your own, until the terminal <c>response.completed</c>.</summary>
    [GrokEndpoint("POST", "responses", Stream = true)]
    IAsyncEnumerable<MyResponseEvent> RespondStreamingAsync(MyResponseRequest request, CancellationToken cancellationToken = default);

    /// <summary>A custom endpoint: a path placeholder, a query value and a header.</summary>
    [GrokEndpoint("GET", "language-models/{id}")]
    Task<MyModel> GetModelAsync(string id, [Header("X-Trace-Id")] string? traceId = null, CancellationToken cancellationToken = default);
}

/// <summary>A chat request with just what this app sends.</summary>
public sealed record MyQuestion(string Model, IReadOnlyList<MyMessage> Messages);

/// <summary>One message.</summary>
public sealed record MyMessage(string Role, string Content);

/// <summary>The parts of a completion this app reads.</summary>
public sealed record MyAnswer(string Id, IReadOnlyList<MyChoice> Choices);

/// <summary>One choice.</summary>
public sealed record MyChoice(MyMessage Message, [property: JsonPropertyName("finish_reason")] string? FinishReason);

/// <summary>The parts of a stream chunk this app reads.</summary>
public sealed record MyChunk(IReadOnlyList<MyChunkChoice> Choices);

/// <summary>One chunk choice.</summary>
public sealed record MyChunkChoice(MyDelta? Delta);

/// <summary>What a chunk adds.</summary>
public sealed record MyDelta(string? Content);

/// <summary>A language model as this app sees it.</summary>
public sealed record MyModel(string Id, IReadOnlyList<string>? Aliases, IReadOnlyList<string>? InputModalities);

/// <summary>A Responses request with just what this app sends.</summary>
public sealed record MyResponseRequest(string Model, string Input);

/// <summary>The parts of a Responses stream event this app reads: its type, a text delta, and the finished response.</summary>
public sealed record MyResponseEvent(string Type, string? Delta, MyResponse? Response);

/// <summary>The finished response as this app sees it.</summary>
public sealed record MyResponse(string Id, string Status, MyResponseUsage? Usage);

/// <summary>Token counts.</summary>
public sealed record MyResponseUsage([property: JsonPropertyName("total_tokens")] int TotalTokens);
