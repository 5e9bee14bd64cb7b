using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Grok.Responses;

namespace Grok;

/// <summary>The Responses API helpers people reach for: one-call answers, structured output, function-calling loops, paging.</summary>
public static partial class GrokClientResponsesExtensions
{
    /// <summary>The most pages <see cref="ListAllResponseInputItemsAsync"/> reads, so a server that keeps saying "more" cannot loop it forever.</summary>
    public const int MaxInputItemPages = 10_000;

    /// <summary>Lists every input item of a stored response, page after page.</summary>
    /// <param name="client">The client.</param>
    /// <param name="responseId">The response's id.</param>
    /// <param name="pageSize">Items per page, 1 to 100; xAI's default when null.</param>
    /// <param name="order"><c>asc</c> (the default) or <c>desc</c>.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The items.</returns>
    public static async IAsyncEnumerable<ResponseInputItem> ListAllResponseInputItemsAsync(
        this IGrokClient client,
        string responseId,
        int? pageSize = null,
        string? order = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(responseId);
        if (pageSize is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "pageSize must be between 1 and 100.");
        }

        string? after = null;
        for (var page = 0; page < MaxInputItemPages; page++)
        {
            var list = await client.ListResponseInputItemsAsync(responseId, pageSize, order, after, cancellationToken).ConfigureAwait(false);
            foreach (var item in list.Data)
            {
                yield return item;
            }

            if (!list.HasMore || string.IsNullOrEmpty(list.LastId) || list.LastId == after || list.Data.Count == 0)
            {
                yield break;
            }

            after = list.LastId;
        }
    }
}
