using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Grok.Chat;

namespace Grok.Emulation;

/// <summary>Answers <c>POST chat/completions</c> (plain, streamed, deferred) and <c>GET chat/deferred-completion/{id}</c>.</summary>
internal sealed class ChatEndpoint
{
    private const string Fingerprint = "fp_emulator";
    private static readonly TimeSpan AbortGrace = TimeSpan.FromMilliseconds(100);
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] FrameEnd = "\n\n"u8.ToArray();
    private static readonly byte[] DoneFrame = "data: [DONE]\n\n"u8.ToArray();

    private readonly GrokEmulatorOptions _options;
    private readonly ConcurrentDictionary<string, DeferredEntry> _deferred = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _deferredOrder = new();
    private long _completions;
    private long _toolCalls;

    public ChatEndpoint(GrokEmulatorOptions options) => _options = options;

    public async Task CompleteAsync(HttpContext context, string body, EmulatorResponse? fault, CancellationToken cancellationToken)
    {
        if (!EmulatorHttp.IsJson(context.Request))
        {
            await EmulatorHttp.WriteErrorAsync(context, 415, "Content-Type must be application/json.").ConfigureAwait(false);
            return;
        }

        ChatCompletionRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body, GrokJsonContext.Default.ChatCompletionRequest);
        }
        catch (JsonException exception)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "Failed to deserialize the JSON body into the target type: " + exception.Message).ConfigureAwait(false);
            return;
        }

        if (request is null)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "The request body must be a JSON object.").ConfigureAwait(false);
            return;
        }

        if (request.AdditionalProperties?.ContainsKey("search_parameters") == true)
        {
            await EmulatorHttp.WriteErrorAsync(context, 410, "Live search is deprecated. Please switch to the Agent Tools API").ConfigureAwait(false);
            return;
        }

        ChatAnswer answer;
        try
        {
            request.Validate();
            if (request.N > _options.MaxChoices)
            {
                throw new ArgumentException($"n is {request.N}; this server answers with at most {_options.MaxChoices} choices (GrokEmulatorOptions.MaxChoices).");
            }

            answer = ChatAnswer.Create(request, Interlocked.Increment(ref _toolCalls), _options.MaxSchemaNodes);
        }
        catch (ArgumentException exception)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, exception.Message).ConfigureAwait(false);
            return;
        }

        var number = Interlocked.Increment(ref _completions);
        var id = EmulatorHttp.StableId(body, number);
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        if (request.Deferred == true)
        {
            var requestId = EmulatorHttp.StableId("deferred:" + body, number);
            _deferred[requestId] = new DeferredEntry(CreateCompletion(id, created, answer, request.N ?? 1), _options.DeferredPendingPolls);
            _deferredOrder.Enqueue(requestId);
            while (_deferred.Count > _options.MaxDeferredCompletions && _deferredOrder.TryDequeue(out var oldest))
            {
                _deferred.TryRemove(oldest, out _); // the oldest unfetched result is forgotten, as xAI forgets them after 24 h
            }
            await EmulatorHttp.WriteJsonAsync(context, 200, new DeferredCompletion { RequestId = requestId }, GrokJsonContext.Default.DeferredCompletion).ConfigureAwait(false);
            return;
        }

        if (request.Stream == true)
        {
            await StreamAsync(context, id, created, answer, request.StreamOptions?.IncludeUsage == true, fault, cancellationToken).ConfigureAwait(false);
            return;
        }

        await EmulatorHttp.WriteJsonAsync(context, 200, CreateCompletion(id, created, answer, request.N ?? 1), GrokJsonContext.Default.ChatCompletion).ConfigureAwait(false);
    }

    public async Task DeferredAsync(HttpContext context, string requestId)
    {
        if (!_deferred.TryGetValue(requestId, out var entry))
        {
            await EmulatorHttp.WriteErrorAsync(context, 404, "No deferred completion with request id " + requestId + " was found (it is fetchable once).").ConfigureAwait(false);
            return;
        }

        if (entry.TryPend())
        {
            context.Response.StatusCode = 202;
            context.Response.ContentLength = 0;
            return;
        }

        if (!_deferred.TryRemove(new KeyValuePair<string, DeferredEntry>(requestId, entry)))
        {
            await EmulatorHttp.WriteErrorAsync(context, 404, "No deferred completion with request id " + requestId + " was found (it is fetchable once).").ConfigureAwait(false);
            return;
        }

        await EmulatorHttp.WriteJsonAsync(context, 200, entry.Completion, GrokJsonContext.Default.ChatCompletion).ConfigureAwait(false);
    }

    /// <summary>Writes frames of a server-sent-event body, flushing each, pausing between them, honouring a cut.</summary>
    public static async Task WriteFramesAsync(HttpContext context, IEnumerable<byte[]> frames, byte[]? done, TimeSpan delay, EmulatorResponse? fault, CancellationToken cancellationToken)
    {
        var body = context.Response.Body;
        var sent = 0;
        foreach (var frame in frames)
        {
            if (fault?.CutStreamAfterChunks is { } cut && sent >= cut)
            {
                await CutAsync(context, fault).ConfigureAwait(false);
                return;
            }

            if (sent > 0 && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }

            await body.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            await body.FlushAsync(cancellationToken).ConfigureAwait(false);
            sent++;
        }

        if (fault?.CutStreamAfterChunks is { } last && sent >= last)
        {
            await CutAsync(context, fault).ConfigureAwait(false);
            return;
        }

        if (done is not null)
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }

            await body.WriteAsync(done, cancellationToken).ConfigureAwait(false);
            await body.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CutAsync(HttpContext context, EmulatorResponse fault)
    {
        if (fault.EndStreamCleanlyAfterCut)
        {
            await context.Response.CompleteAsync().ConfigureAwait(false);
        }
        else
        {
            // Abort drops output the transport has not sent yet: give the flushed frames a moment to leave first.
            await Task.Delay(AbortGrace).ConfigureAwait(false);
            context.Abort();
        }
    }

    private async Task StreamAsync(HttpContext context, string id, long created, ChatAnswer answer, bool includeUsage, EmulatorResponse? fault, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        await response.StartAsync(cancellationToken).ConfigureAwait(false);

        var frames = new List<byte[]>();
        void Add(IReadOnlyList<ChatCompletionChunkChoice> choices, Usage? usage)
        {
            var chunk = new ChatCompletionChunk
            {
                Id = id,
                Object = "chat.completion.chunk",
                Created = created,
                Model = answer.Model,
                Choices = choices,
                Usage = usage,
                SystemFingerprint = Fingerprint,
            };
            frames.Add(Frame(JsonSerializer.SerializeToUtf8Bytes(chunk, GrokJsonContext.Default.ChatCompletionChunk)));
        }

        var role = "assistant";
        int completion = 0, reasoning = 0;
        void AddDelta(ChatDelta delta) => Add([new ChatCompletionChunkChoice { Index = 0, Delta = delta }], includeUsage ? null : answer.CreateUsage(completion, reasoning));

        foreach (var piece in Pieces(answer.Reasoning))
        {
            reasoning += EmulatorHttp.CountWords(piece);
            AddDelta(new ChatDelta { Role = Take(ref role), ReasoningContent = piece });
        }

        foreach (var piece in Pieces(answer.Content))
        {
            completion += EmulatorHttp.CountWords(piece);
            AddDelta(new ChatDelta { Role = Take(ref role), Content = piece });
        }

        if (answer.ToolCall is { } call)
        {
            completion = answer.CompletionTokens;
            var streamed = new ToolCall { Id = call.Id, Type = call.Type, Index = 0, Function = call.Function };
            AddDelta(new ChatDelta { Role = Take(ref role), ToolCalls = [streamed] });
        }

        if (role is not null)
        {
            AddDelta(new ChatDelta { Role = Take(ref role), Content = "" });
        }

        var finalUsage = answer.CreateUsage();
        Add([new ChatCompletionChunkChoice { Index = 0, Delta = new ChatDelta(), FinishReason = answer.FinishReason }], includeUsage ? null : finalUsage);
        if (includeUsage)
        {
            Add([], finalUsage);
        }

        await WriteFramesAsync(context, frames, DoneFrame, _options.ChunkDelay, fault, cancellationToken).ConfigureAwait(false);
    }

    private static string? Take(ref string? role)
    {
        var value = role;
        role = null;
        return value;
    }

    /// <summary>Splits text into word deltas: each word with the space that follows it.</summary>
    private static IEnumerable<string> Pieces(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var start = 0;
        while (start < text.Length)
        {
            var space = text.IndexOf(' ', start);
            var end = space < 0 ? text.Length : space + 1;
            yield return text[start..end];
            start = end;
        }
    }

    private static byte[] Frame(byte[] json)
    {
        var frame = new byte[DataPrefix.Length + json.Length + FrameEnd.Length];
        DataPrefix.CopyTo(frame, 0);
        json.CopyTo(frame, DataPrefix.Length);
        FrameEnd.CopyTo(frame, DataPrefix.Length + json.Length);
        return frame;
    }

    internal static ChatCompletion CreateCompletion(string id, long created, ChatAnswer answer, int n)
    {
        var choices = new ChatCompletionChoice[Math.Max(1, n)];
        for (var i = 0; i < choices.Length; i++)
        {
            choices[i] = new ChatCompletionChoice
            {
                Index = i,
                Message = new ChatMessage
                {
                    Role = "assistant",
                    Content = answer.Content,
                    ReasoningContent = answer.Reasoning,
                    ToolCalls = answer.ToolCall is { } call ? [call] : null,
                },
                FinishReason = answer.FinishReason,
            };
        }

        return new ChatCompletion
        {
            Id = id,
            Object = "chat.completion",
            Created = created,
            Model = answer.Model,
            Choices = choices,
            Usage = answer.CreateUsage(),
            SystemFingerprint = Fingerprint,
        };
    }

    /// <summary>A deferred completion and how many more polls answer 202.</summary>
    private sealed class DeferredEntry(ChatCompletion completion, int pendingPolls)
    {
        private int _pendingPolls = pendingPolls;

        public ChatCompletion Completion { get; } = completion;

        public bool TryPend() => Interlocked.Decrement(ref _pendingPolls) >= 0;
    }
}
