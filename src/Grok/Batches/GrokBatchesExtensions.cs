using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Grok.Batches;

namespace Grok;

/// <summary>Adding, waiting for and reading batches.</summary>
public static class GrokBatchesExtensions
{
    /// <summary>The first wait between polls of a batch.</summary>
    public static readonly TimeSpan DefaultBatchPollInterval = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between polls of a batch.</summary>
    public static readonly TimeSpan MaxBatchPollInterval = TimeSpan.FromMinutes(1);

    /// <summary>The default longest wait for a batch: 24 hours, xAI's processing window.</summary>
    public static readonly TimeSpan DefaultBatchTimeout = TimeSpan.FromHours(24);

    /// <summary>Creates a batch by name (<c>POST batches</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="name">The batch's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The batch.</returns>
    public static Task<Batch> CreateBatchAsync(this IGrokClient client, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return client.CreateBatchAsync(new CreateBatchRequest { Name = name }, cancellationToken);
    }

    /// <summary>Adds requests to a batch (<c>POST batches/{batch_id}/requests</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="batchId">The batch id.</param>
    /// <param name="requests">The requests, e.g. <c>BatchRequest.Chat(...)</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call.</returns>
    public static Task AddBatchRequestsAsync(this IGrokClient client, string batchId, IEnumerable<BatchRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(requests);
        return client.AddBatchRequestsAsync(batchId, new AddBatchRequestsRequest { BatchRequests = requests.ToList() }, cancellationToken);
    }

    /// <summary>
    /// Polls a batch until it is done (no request pending; see <see cref="Batch.IsDone"/>), waiting
    /// <paramref name="pollInterval"/> at first and half as long again each round, up to a minute.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="batchId">The batch id.</param>
    /// <param name="progress">Told the batch after every poll, e.g. to show progress; may be null.</param>
    /// <param name="pollInterval">The first wait between polls, at least 100 ms; 5 seconds when null.</param>
    /// <param name="timeout">The longest wait; 24 hours when null, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">Cancels the wait (not the batch: use <c>CancelBatchAsync</c> for that).</param>
    /// <returns>The finished batch.</returns>
    /// <exception cref="TimeoutException">Not done within <paramref name="timeout"/>; the batch keeps running.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pollInterval"/> is under 100 ms.</exception>
    public static Task<Batch> WaitForBatchAsync(
        this IGrokClient client,
        string batchId,
        IProgress<Batch>? progress = null,
        TimeSpan? pollInterval = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        return Polling.UntilAsync(
            async token =>
            {
                var batch = await client.GetBatchAsync(batchId, token).ConfigureAwait(false);
                progress?.Report(batch);
                return batch.IsDone ? batch : null;
            },
            pollInterval,
            timeout,
            new PollSchedule(DefaultBatchPollInterval, DefaultBatchTimeout, MaxBatchPollInterval, 1.5),
            elapsed => $"The batch {batchId} was still running after {elapsed.TotalSeconds:0.#} s; it keeps running on the server: wait again, or cancel it with CancelBatchAsync.",
            cancellationToken);
    }

    /// <summary>Reads every result of a batch, page after page, as they are needed (<c>GET batches/{batch_id}/results</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="batchId">The batch id.</param>
    /// <param name="pageSize">Results per page; the server's default when null.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The results, in no particular order.</returns>
    public static async IAsyncEnumerable<BatchResult> GetAllBatchResultsAsync(
        this IGrokClient client,
        string batchId,
        int? pageSize = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        string? token = null;
        while (true)
        {
            var page = await client.ListBatchResultsAsync(batchId, pageSize, token, cancellationToken).ConfigureAwait(false);
            foreach (var result in page.Results)
            {
                yield return result;
            }

            if (page.Results.Count == 0 || !Paging.HasNext(token, page.PaginationToken))
            {
                yield break;
            }

            token = page.PaginationToken;
        }
    }

    /// <summary>Lists every batch, page after page (<c>GET batches</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="pageSize">Batches per page; the server's default when null.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The batches.</returns>
    public static async IAsyncEnumerable<Batch> ListAllBatchesAsync(
        this IGrokClient client,
        int? pageSize = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        string? token = null;
        while (true)
        {
            var page = await client.ListBatchesAsync(pageSize, token, cancellationToken).ConfigureAwait(false);
            foreach (var batch in page.Batches)
            {
                yield return batch;
            }

            if (page.Batches.Count == 0 || !Paging.HasNext(token, page.PaginationToken))
            {
                yield break;
            }

            token = page.PaginationToken;
        }
    }
}
