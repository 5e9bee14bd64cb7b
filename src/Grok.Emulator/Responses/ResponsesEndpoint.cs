using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Grok.Responses;
using Microsoft.AspNetCore.Http;

namespace Grok.Emulation;

/// <summary>
/// Answers the Responses API: <c>POST responses</c> (plain and streamed), <c>GET</c>/<c>DELETE responses/{id}</c>,
/// <c>GET responses/{id}/input_items</c> and <c>POST responses/compact</c>, with stored responses in a capped memory store.
/// </summary>
internal sealed class ResponsesEndpoint
{
    /// <summary>The most responses kept; the oldest go first.</summary>
    public const int MaxStoredResponses = 1_000;

    private static readonly byte[] DoneFrame = "data: [DONE]\n\n"u8.ToArray();

    private readonly GrokEmulatorOptions _options;
    private readonly Dictionary<string, StoredResponse> _store = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private long _responses;

    public ResponsesEndpoint(GrokEmulatorOptions options) => _options = options;

    public async Task CreateAsync(HttpContext context, string body, EmulatorResponse? fault, CancellationToken cancellationToken)
    {
        var request = await ReadAsync(context, body, GrokJsonContext.Default.ResponseRequest).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        try
        {
            request.Validate();
        }
        catch (ArgumentException exception)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, exception.Message).ConfigureAwait(false);
            return;
        }

        StoredResponse? previous = null;
        if (request.PreviousResponseId is { } previousId && !TryGet(previousId, out previous))
        {
            await NotFoundAsync(context, previousId).ConfigureAwait(false);
            return;
        }

        var number = Interlocked.Increment(ref _responses);
        var id = EmulatorHttp.StableId("response:" + body, number);
        GrokResponse response;
        try
        {
            response = ResponsesAnswer.Create(request, previous, id, number, fault, _options.MaxSchemaNodes);
        }
        catch (ArgumentException exception)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, exception.Message).ConfigureAwait(false);
            return;
        }

        if (request.Store != false && response.Status != "failed")
        {
            var texts = (previous?.UserTexts ?? []).Concat(ResponsesAnswer.UserTexts(request.Input!)).ToList();
            Store(new StoredResponse(response, WithIds(request.Input!, id), texts));
        }

        if (request.Stream == true)
        {
            await StreamAsync(context, response, fault, cancellationToken).ConfigureAwait(false);
            return;
        }

        await EmulatorHttp.WriteJsonAsync(context, 200, response, GrokJsonContext.Default.GrokResponse).ConfigureAwait(false);
    }

    public async Task StoredAsync(HttpContext context, string responseId)
    {
        var method = context.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsDelete(method))
        {
            context.Response.Headers.Allow = "GET, DELETE";
            await EmulatorHttp.WriteErrorAsync(context, 405, "Method " + method + " is not allowed here; use GET or DELETE.").ConfigureAwait(false);
            return;
        }

        if (!TryGet(responseId, out var stored))
        {
            await NotFoundAsync(context, responseId).ConfigureAwait(false);
            return;
        }

        if (HttpMethods.IsGet(method))
        {
            await EmulatorHttp.WriteJsonAsync(context, 200, stored.Response, GrokJsonContext.Default.GrokResponse).ConfigureAwait(false);
            return;
        }

        lock (_store)
        {
            _store.Remove(responseId);
        }

        await EmulatorHttp.WriteJsonAsync(context, 200, new DeletedResponse { Id = responseId, Object = "response", Deleted = true }, GrokJsonContext.Default.DeletedResponse).ConfigureAwait(false);
    }

    public async Task InputItemsAsync(HttpContext context, string responseId)
    {
        if (!TryGet(responseId, out var stored))
        {
            await NotFoundAsync(context, responseId).ConfigureAwait(false);
            return;
        }

        var query = context.Request.Query;
        var limit = 20;
        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "limit must be between 1 and 100.").ConfigureAwait(false);
            return;
        }

        var order = query.TryGetValue("order", out var orderText) ? orderText.ToString() : "asc";
        if (order is not ("asc" or "desc"))
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "order must be asc or desc.").ConfigureAwait(false);
            return;
        }

        IEnumerable<ResponseInputItem> items = order == "asc" ? stored.InputItems : stored.InputItems.Reverse();
        if (query.TryGetValue("after", out var after) && after.ToString() is { Length: > 0 } afterId)
        {
            items = items.SkipWhile(item => item.Id != afterId).Skip(1);
        }

        var all = items.ToList();
        var page = all.Take(limit).ToList();
        var list = new ResponseInputItemList
        {
            Object = "list",
            Data = page,
            FirstId = page.FirstOrDefault()?.Id,
            LastId = page.LastOrDefault()?.Id,
            HasMore = all.Count > page.Count,
        };
        await EmulatorHttp.WriteJsonAsync(context, 200, list, GrokJsonContext.Default.ResponseInputItemList).ConfigureAwait(false);
    }

    public async Task CompactAsync(HttpContext context, string body)
    {
        var request = await ReadAsync(context, body, GrokJsonContext.Default.CompactRequest).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        if (request.Model is null or "" || request.Input is null || request.Input.IsEmpty)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "model and input are required to compact.").ConfigureAwait(false);
            return;
        }

        var texts = ResponsesAnswer.UserTexts(request.Input).ToList();
        var number = Interlocked.Increment(ref _responses);
        var id = "cmp_" + EmulatorHttp.StableId("compact:" + body, number);
        var blob = Convert.ToBase64String(Encoding.UTF8.GetBytes(ResponsesAnswer.CompactionPrefix + string.Join('\n', texts)));
        var inputTokens = Math.Max(1, texts.Sum(EmulatorHttp.CountWords));
        var compacted = new CompactResponse
        {
            Id = id,
            Object = "response.compaction",
            CreatedAt = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            Model = ChatAnswer.ResolveModel(request.Model),
            Output = [new CompactionItem { Id = id, EncryptedContent = blob }],
            Usage = new ResponseUsage
            {
                InputTokens = inputTokens,
                InputTokensDetails = new InputTokensDetails { CachedTokens = 0 },
                OutputTokens = 1,
                OutputTokensDetails = new OutputTokensDetails { ReasoningTokens = 0 },
                TotalTokens = inputTokens + 1,
                DroppedMessageCount = Math.Max(0, request.Input.Count - 1),
            },
        };
        await EmulatorHttp.WriteJsonAsync(context, 200, compacted, GrokJsonContext.Default.CompactResponse).ConfigureAwait(false);
    }

    private async Task StreamAsync(HttpContext context, GrokResponse response, EmulatorResponse? fault, CancellationToken cancellationToken)
    {
        var http = context.Response;
        http.StatusCode = 200;
        http.ContentType = "text/event-stream";
        http.Headers.CacheControl = "no-cache";
        await http.StartAsync(cancellationToken).ConfigureAwait(false);

        var events = ResponsesStream.Events(response);
        var frames = new List<byte[]>();
        foreach (var e in events)
        {
            if (fault?.ErrorEventAfterChunks is { } errorAfter && frames.Count == errorAfter)
            {
                var error = new JsonObject
                {
                    ["type"] = "error",
                    ["sequence_number"] = frames.Count,
                    ["code"] = fault.ErrorEventCode,
                    ["message"] = fault.ErrorEventMessage,
                };
                frames.Add(Encoding.UTF8.GetBytes("event: error\ndata: " + error.ToJsonString() + "\n\n"));
                break;
            }

            frames.Add(ResponsesStream.Frame(e));
        }

        var done = fault?.AppendDone == true && fault.ErrorEventAfterChunks is null ? DoneFrame : null;
        await ChatEndpoint.WriteFramesAsync(context, frames, done, _options.ChunkDelay, fault, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T?> ReadAsync<T>(HttpContext context, string body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (!EmulatorHttp.IsJson(context.Request))
        {
            await EmulatorHttp.WriteErrorAsync(context, 415, "Content-Type must be application/json.").ConfigureAwait(false);
            return null;
        }

        try
        {
            var value = JsonSerializer.Deserialize(body, typeInfo);
            if (value is null)
            {
                await EmulatorHttp.WriteErrorAsync(context, 400, "The request body must be a JSON object.").ConfigureAwait(false);
            }

            return value;
        }
        catch (JsonException exception)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "Failed to deserialize the JSON body into the target type: " + exception.Message).ConfigureAwait(false);
            return null;
        }
        catch (ArgumentException exception)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, exception.Message).ConfigureAwait(false);
            return null;
        }
    }

    private static Task NotFoundAsync(HttpContext context, string responseId)
        => EmulatorHttp.WriteErrorAsync(context, 404, "Response with id " + responseId + " not found (it was never stored, was deleted, or expired).");

    /// <summary>The input items as stored, each with an id (listings return them with one).</summary>
    private static List<ResponseInputItem> WithIds(ResponseInput input, string responseId)
    {
        IEnumerable<ResponseInputItem> items = input.Text is not null ? [ResponseInputItem.User(input.Text)] : input;
        var result = new List<ResponseInputItem>();
        var index = 0;
        foreach (var item in items)
        {
            var node = JsonSerializer.SerializeToNode(item, GrokJsonContext.Default.ResponseInputItem)!.AsObject();
            node["id"] ??= "item_" + responseId + "_" + index.ToString(CultureInfo.InvariantCulture);
            result.Add(node.Deserialize(GrokJsonContext.Default.ResponseInputItem)!);
            index++;
        }

        return result;
    }

    private bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StoredResponse? stored)
    {
        lock (_store)
        {
            return _store.TryGetValue(id, out stored);
        }
    }

    private void Store(StoredResponse stored)
    {
        lock (_store)
        {
            _store[stored.Response.Id] = stored;
            _order.Enqueue(stored.Response.Id);
            while (_order.Count > MaxStoredResponses && _order.TryDequeue(out var oldest))
            {
                _store.Remove(oldest);
            }
        }
    }
}
