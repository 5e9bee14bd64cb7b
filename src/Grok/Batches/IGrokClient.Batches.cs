using System.Threading;
using System.Threading.Tasks;
using Grok.Batches;
using Refit;

namespace Grok;

/// <summary>The Batch API: many requests processed together, at a lower price, results fetched later.</summary>
public partial interface IGrokClient
{
    /// <summary>Creates a batch (<c>POST batches</c>); add requests with <see cref="AddBatchRequestsAsync"/>.</summary>
    /// <param name="request">The batch's name, or an input file of requests.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The batch.</returns>
    [GrokEndpoint("POST", "batches")]
    Task<Batch> CreateBatchAsync(CreateBatchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Gets a batch and its counts (<c>GET batches/{batch_id}</c>).</summary>
    /// <param name="batchId">The batch id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The batch.</returns>
    [GrokEndpoint("GET", "batches/{batch_id}")]
    Task<Batch> GetBatchAsync([AliasAs("batch_id")] string batchId, CancellationToken cancellationToken = default);

    /// <summary>Lists one page of batches (<c>GET batches</c>).</summary>
    /// <param name="limit">The most batches per page.</param>
    /// <param name="paginationToken">The token of the previous page, or null for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    [GrokEndpoint("GET", "batches")]
    Task<BatchList> ListBatchesAsync(int? limit = null, [AliasAs("pagination_token")] string? paginationToken = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds requests to a batch (<c>POST batches/{batch_id}/requests</c>). Chat requests without a model get the
    /// client's default model; every request is checked before anything is sent.
    /// </summary>
    /// <param name="batchId">The batch id.</param>
    /// <param name="request">The requests.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call.</returns>
    [GrokEndpoint("POST", "batches/{batch_id}/requests")]
    Task AddBatchRequestsAsync([AliasAs("batch_id")] string batchId, AddBatchRequestsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists one page of a batch's requests and their states (<c>GET batches/{batch_id}/requests</c>).</summary>
    /// <param name="batchId">The batch id.</param>
    /// <param name="limit">The most requests per page.</param>
    /// <param name="paginationToken">The token of the previous page, or null for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    [GrokEndpoint("GET", "batches/{batch_id}/requests")]
    Task<BatchRequestMetadataList> ListBatchRequestsAsync(
        [AliasAs("batch_id")] string batchId,
        int? limit = null,
        [AliasAs("pagination_token")] string? paginationToken = null,
        CancellationToken cancellationToken = default);

    /// <summary>Lists one page of a batch's results (<c>GET batches/{batch_id}/results</c>); <c>GetAllBatchResultsAsync</c> follows the pages.</summary>
    /// <param name="batchId">The batch id.</param>
    /// <param name="limit">The most results per page.</param>
    /// <param name="paginationToken">The token of the previous page, or null for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    [GrokEndpoint("GET", "batches/{batch_id}/results")]
    Task<BatchResultList> ListBatchResultsAsync(
        [AliasAs("batch_id")] string batchId,
        int? limit = null,
        [AliasAs("pagination_token")] string? paginationToken = null,
        CancellationToken cancellationToken = default);

    /// <summary>Cancels a batch's pending requests (<c>POST batches/{batch_id}:cancel</c>); finished results stay.</summary>
    /// <param name="batchId">The batch id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The batch after cancelling.</returns>
    [GrokEndpoint("POST", "batches/{batch_id}:cancel")]
    Task<Batch> CancelBatchAsync([AliasAs("batch_id")] string batchId, CancellationToken cancellationToken = default);
}
