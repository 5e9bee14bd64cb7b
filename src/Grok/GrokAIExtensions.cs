using System;
using Grok;
using Grok.AI;

namespace Microsoft.Extensions.AI;

/// <summary>Microsoft.Extensions.AI adapters: use Grok wherever an <see cref="IChatClient"/> or an embedding generator is expected.</summary>
public static class GrokAIExtensions
{
    /// <summary>
    /// An <see cref="IChatClient"/> over xAI's Responses API (plain and streamed, function and server-side tools, reasoning,
    /// citations, structured output). <see cref="ChatOptions.ConversationId"/> is <c>previous_response_id</c>, and a stored
    /// answer's id comes back as <see cref="ChatResponse.ConversationId"/>; a <see cref="ChatOptions.RawRepresentationFactory"/>
    /// returning a <see cref="Grok.Responses.ResponseRequest"/> wins over the options.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="model">The model; <see cref="ChatOptions.ModelId"/> overrides it, and with neither the client's default model is used.</param>
    /// <returns>The chat client.</returns>
    public static IChatClient AsIChatClient(this IGrokClient client, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new GrokChatClient(client, model);
    }

    /// <summary>An embedding generator over xAI's <c>POST embeddings</c>.</summary>
    /// <param name="client">The client.</param>
    /// <param name="model">The embedding model; <see cref="EmbeddingGenerationOptions.ModelId"/> overrides it.</param>
    /// <returns>The generator.</returns>
    public static IEmbeddingGenerator<string, Embedding<float>> AsIEmbeddingGenerator(this IGrokClient client, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new GrokEmbeddingGenerator(client, model);
    }
}
