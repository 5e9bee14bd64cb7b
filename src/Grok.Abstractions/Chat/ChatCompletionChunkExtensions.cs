using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Grok.Chat;

/// <summary>Helpers over streams of <see cref="ChatCompletionChunk"/>.</summary>
public static class ChatCompletionChunkExtensions
{
    /// <summary>
    /// Reads the whole stream and folds it into the <see cref="ChatCompletion"/> the plain call would have returned
    /// (content, reasoning, tool calls merged by index, finish reason, the last usage seen, citations).
    /// </summary>
    /// <param name="chunks">The stream.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The completion.</returns>
    /// <exception cref="GrokStreamException">The stream broke before <c>[DONE]</c>; nothing half-read is returned.</exception>
    public static async Task<ChatCompletion> ToChatCompletionAsync(
        this IAsyncEnumerable<ChatCompletionChunk> chunks,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var accumulator = new ChatCompletionAccumulator();
        await foreach (var chunk in chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            accumulator.Add(chunk);
        }

        return accumulator.Build();
    }
}
