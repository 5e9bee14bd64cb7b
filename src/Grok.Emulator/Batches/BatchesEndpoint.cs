using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Grok.Batches;
using Grok.Chat;
using Microsoft.AspNetCore.Http;

namespace Grok.Emulation;

/// <summary>
/// The Batch API as a deterministic state machine: each <c>GET batches/{batch_id}</c> finishes up to
/// <see cref="GrokEmulatorOptions.BatchRequestsPerPoll"/> pending requests, in the order they were added; results come
/// back in xAI's shapes (<c>chat_get_completion</c>, <c>image_generation</c>, <c>video_generation</c>, <c>responses</c>).
/// A request that fails its checks (e.g. no messages) finishes with an <c>error</c>.
/// </summary>
internal sealed class BatchesEndpoint
{
    private const int MaxBatches = 100;
    private const int MaxRequestsPerBatch = 10_000;
    private const int DefaultPageSize = 100;
    private readonly BoundedStore<EmulatedBatch> _batches = new(MaxBatches);
    private readonly GrokEmulatorOptions _options;
    private readonly FileStore _files;
    private long _sequence;

    public BatchesEndpoint(GrokEmulatorOptions options, FileStore files)
    {
        _options = options;
        _files = files;
    }

    public async Task CreateAsync(HttpContext context, string body)
    {
        if (await JsonBody.ReadAsync(context, body, GrokJsonContext.Default.CreateBatchRequest).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "A batch needs a name.").ConfigureAwait(false);
            return;
        }

        var number = Interlocked.Increment(ref _sequence);
        var batch = new EmulatedBatch("batch_" + EmulatorHttp.StableId("batch:" + request.Name, number), request.Name, number, EmulatorHttp.StableId(_options.ApiKey, 0), request.InputFileId);
        if (request.InputFileId is { } fileId)
        {
            if (!_files.TryGet(fileId, out var file))
            {
                await EmulatorHttp.WriteErrorAsync(context, 404, "Input file " + fileId + " not found.").ConfigureAwait(false);
                return;
            }

            string? error;
            using (var reader = new StreamReader(_files.OpenRead(file), Encoding.UTF8))
            {
                error = await LoadLinesAsync(batch, reader).ConfigureAwait(false);
            }

            if (error is not null)
            {
                await EmulatorHttp.WriteErrorAsync(context, 400, error).ConfigureAwait(false);
                return;
            }
        }

        _batches.Add(batch.Id, batch);
        await EmulatorHttp.WriteJsonAsync(context, 200, batch.ToWire(), GrokJsonContext.Default.Batch).ConfigureAwait(false);
    }

    public async Task ListAsync(HttpContext context)
    {
        if (await PageAsync(context) is not { } page)
        {
            return;
        }

        var all = _batches.Snapshot().OrderByDescending(b => b.Sequence).ToArray();
        var slice = all.Skip(page.Offset).Take(page.Limit).Select(b => b.ToWire()).ToArray();
        var list = new BatchList { Batches = slice, PaginationToken = NextToken(page, slice.Length, all.Length) };
        await EmulatorHttp.WriteJsonAsync(context, 200, list, GrokJsonContext.Default.BatchList).ConfigureAwait(false);
    }

    public async Task GetAsync(HttpContext context, string id)
    {
        if (await FindAsync(context, id).ConfigureAwait(false) is not { } batch)
        {
            return;
        }

        // Polling is what moves a batch on: deterministic, and tests need no clock.
        batch.Process(_options.BatchRequestsPerPoll, _options.MaxSchemaNodes);
        await EmulatorHttp.WriteJsonAsync(context, 200, batch.ToWire(), GrokJsonContext.Default.Batch).ConfigureAwait(false);
    }

    public async Task AddRequestsAsync(HttpContext context, string id, string body)
    {
        if (await FindAsync(context, id).ConfigureAwait(false) is not { } batch)
        {
            return;
        }

        if (!EmulatorHttp.IsJson(context.Request))
        {
            await EmulatorHttp.WriteErrorAsync(context, 415, "Content-Type must be application/json.").ConfigureAwait(false);
            return;
        }

        AddBatchRequestsRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body, GrokJsonContext.Default.AddBatchRequestsRequest);
        }
        catch (JsonException exception)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "Failed to deserialize the JSON body into the target type: " + exception.Message).ConfigureAwait(false);
            return;
        }

        if (request is null || request.BatchRequests.Count == 0)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "batch_requests must list at least one request.").ConfigureAwait(false);
            return;
        }

        var error = batch.InputFileId is not null
            ? "Batch " + id + " was created from an input file and takes no further requests."
            : batch.CancelTime is not null
                ? "Batch " + id + " was cancelled and takes no further requests."
                : batch.Add(request.BatchRequests, MaxRequestsPerBatch);
        if (error is not null)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, error).ConfigureAwait(false);
            return;
        }

        await EmulatorHttp.WriteBytesAsync(context, 200, "{}"u8.ToArray(), "application/json").ConfigureAwait(false);
    }

    public async Task CancelAsync(HttpContext context, string id)
    {
        if (await FindAsync(context, id).ConfigureAwait(false) is not { } batch)
        {
            return;
        }

        batch.Cancel();
        await EmulatorHttp.WriteJsonAsync(context, 200, batch.ToWire(), GrokJsonContext.Default.Batch).ConfigureAwait(false);
    }

    public async Task ListRequestsAsync(HttpContext context, string id)
    {
        if (await FindAsync(context, id).ConfigureAwait(false) is not { } batch || await PageAsync(context) is not { } page)
        {
            return;
        }

        var all = batch.Entries();
        var slice = all.Skip(page.Offset).Take(page.Limit).Select(e => e.Metadata()).ToArray();
        var list = new BatchRequestMetadataList { BatchRequestMetadata = slice, PaginationToken = NextToken(page, slice.Length, all.Length) };
        await EmulatorHttp.WriteJsonAsync(context, 200, list, GrokJsonContext.Default.BatchRequestMetadataList).ConfigureAwait(false);
    }

    public async Task ListResultsAsync(HttpContext context, string id)
    {
        if (await FindAsync(context, id).ConfigureAwait(false) is not { } batch || await PageAsync(context) is not { } page)
        {
            return;
        }

        var all = batch.Entries().Where(e => e.Result is not null).ToArray();
        var slice = all.Skip(page.Offset).Take(page.Limit).Select(e => e.Result!).ToArray();
        var list = new BatchResultList { Results = slice, PaginationToken = NextToken(page, slice.Length, all.Length) };
        await EmulatorHttp.WriteJsonAsync(context, 200, list, GrokJsonContext.Default.BatchResultList).ConfigureAwait(false);
    }

    private static async Task<string?> LoadLinesAsync(EmulatedBatch batch, StreamReader reader)
    {
        var requests = new List<BatchRequest>();
        var lineNumber = 0;
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                requests.Add(JsonSerializer.Deserialize(line, GrokJsonContext.Default.BatchRequest) ?? throw new JsonException("null"));
            }
            catch (JsonException exception)
            {
                return $"Line {lineNumber} of the input file is not a batch request: {exception.Message}";
            }
        }

        return batch.Add(requests, MaxRequestsPerBatch);
    }

    private static string? NextToken(Page page, int returned, int total)
        => page.Offset + returned < total ? (page.Offset + returned).ToString(CultureInfo.InvariantCulture) : null;

    private static async Task<Page?> PageAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var limit = DefaultPageSize;
        var offset = 0;
        if ((query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
            || (query.TryGetValue("pagination_token", out var token) && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out offset))))
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "limit must be a positive number and pagination_token one this server returned.").ConfigureAwait(false);
            return null;
        }

        return new Page(offset, Math.Min(limit, 1000));
    }

    private async Task<EmulatedBatch?> FindAsync(HttpContext context, string id)
    {
        if (_batches.TryGet(id, out var batch))
        {
            return batch;
        }

        await EmulatorHttp.WriteErrorAsync(context, 404, "Batch " + id + " not found.").ConfigureAwait(false);
        return null;
    }

    private readonly record struct Page(int Offset, int Limit);
}
