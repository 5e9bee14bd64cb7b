using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Grok.Responses;
using Refit;

namespace Grok;

/// <summary>The Responses API, xAI's recommended API: stored conversations, reasoning, server-side tools.</summary>
public partial interface IGrokClient
{
    /// <summary>Creates a response (<c>POST responses</c>).</summary>
    /// <param name="request">The request; <see cref="GrokClientOptions.DefaultModel"/> fills a missing model.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response; read <see cref="GrokResponse.OutputText"/> for its text.</returns>
    [GrokEndpoint("POST", "responses")]
    Task<GrokResponse> CreateResponseAsync(ResponseRequest request, CancellationToken cancellationToken = default);

    /// <summary>Streams a response: typed events as they are generated, until the terminal event.</summary>
    /// <param name="request">The request; <c>"stream": true</c> is added for you.</param>
    /// <param name="cancellationToken">Cancels the call and the stream.</param>
    /// <returns>The events; fold them with <see cref="ResponseStreamEventExtensions.ToResponseAsync"/>.</returns>
    [GrokEndpoint("POST", "responses", Stream = true)]
    IAsyncEnumerable<ResponseStreamEvent> StreamResponseAsync(ResponseRequest request, CancellationToken cancellationToken = default);

    /// <summary>Gets a stored response (<c>GET responses/{response_id}</c>).</summary>
    /// <param name="responseId">The response's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response.</returns>
    /// <exception cref="GrokApiException">No stored response has that id (404).</exception>
    [GrokEndpoint("GET", "responses/{response_id}")]
    Task<GrokResponse> GetResponseAsync([AliasAs("response_id")] string responseId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a stored response (<c>DELETE responses/{response_id}</c>).</summary>
    /// <param name="responseId">The response's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deletion's confirmation.</returns>
    /// <exception cref="GrokApiException">No stored response has that id (404).</exception>
    [GrokEndpoint("DELETE", "responses/{response_id}")]
    Task<DeletedResponse> DeleteResponseAsync([AliasAs("response_id")] string responseId, CancellationToken cancellationToken = default);

    /// <summary>Lists one page of a stored response's input items (<c>GET responses/{response_id}/input_items</c>).</summary>
    /// <param name="responseId">The response's id.</param>
    /// <param name="limit">Items per page, 1 to 100 (xAI's default 20).</param>
    /// <param name="order"><c>asc</c> (the default) or <c>desc</c>.</param>
    /// <param name="after">The <see cref="ResponseInputItemList.LastId"/> of the previous page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page; every page with <see cref="GrokClientResponsesExtensions.ListAllResponseInputItemsAsync"/>.</returns>
    [GrokEndpoint("GET", "responses/{response_id}/input_items")]
    Task<ResponseInputItemList> ListResponseInputItemsAsync(
        [AliasAs("response_id")] string responseId,
        int? limit = null,
        string? order = null,
        string? after = null,
        CancellationToken cancellationToken = default);

    /// <summary>Compacts an input window into a shorter one to send as the next input (<c>POST responses/compact</c>).</summary>
    /// <param name="request">The window and model.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The compacted window.</returns>
    [GrokEndpoint("POST", "responses/compact")]
    Task<CompactResponse> CompactResponseAsync(CompactRequest request, CancellationToken cancellationToken = default);
}
