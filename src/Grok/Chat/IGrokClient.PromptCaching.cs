using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Grok.Chat;
using Refit;

namespace Grok;

/// <summary>Chat completions with prompt caching by conversation id.</summary>
public partial interface IGrokClient
{
    /// <summary>
    /// Creates a chat completion with the <c>x-grok-conv-id</c> header, so requests of one conversation reach the same
    /// prompt cache (hits show as <c>usage.prompt_tokens_details.cached_tokens</c>). <see cref="ChatCompletionRequest.PromptCacheKey"/>
    /// does the same in the body.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="conversationId">A stable id of the conversation, such as a GUID you keep with it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The completion.</returns>
    [GrokEndpoint("POST", "chat/completions")]
    Task<ChatCompletion> CreateChatCompletionAsync(ChatCompletionRequest request, [Header("x-grok-conv-id")] string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Streams a chat completion with the <c>x-grok-conv-id</c> prompt-caching header.</summary>
    /// <param name="request">The request; <c>"stream": true</c> is added for you.</param>
    /// <param name="conversationId">A stable id of the conversation.</param>
    /// <param name="cancellationToken">Cancels the call and the stream.</param>
    /// <returns>The chunks.</returns>
    [GrokEndpoint("POST", "chat/completions", Stream = true)]
    IAsyncEnumerable<ChatCompletionChunk> StreamChatCompletionAsync(ChatCompletionRequest request, [Header("x-grok-conv-id")] string conversationId, CancellationToken cancellationToken = default);
}
