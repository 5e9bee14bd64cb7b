using System.Collections.Generic;
using System.ComponentModel;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Refit;
using Grok.Chat;
using Grok.Embeddings;
using Grok.Images;
using Grok.Models;
using Grok.Tokenize;

namespace Grok;

/// <summary>
/// The xAI REST API. Declared with <see cref="GrokEndpointAttribute"/> and implemented by the Grok generator, like any
/// interface of yours. Create it with <c>GrokClient.Create&lt;IGrokClient&gt;(options)</c> once and reuse it, or
/// register it with <c>AddGrokClient</c>. Disposing a client made by <c>GrokClient.Create(options)</c> releases its own
/// <see cref="System.Net.Http.HttpClient"/>; one over a caller's or a factory's <c>HttpClient</c> leaves that alone.
/// </summary>
public partial interface IGrokClient : System.IDisposable
{
    /// <summary>Creates a chat completion (<c>POST chat/completions</c>).</summary>
    /// <param name="request">The request; <see cref="GrokClientOptions.DefaultModel"/> fills a missing model.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The completion.</returns>
    [GrokEndpoint("POST", "chat/completions")]
    Task<ChatCompletion> CreateChatCompletionAsync(ChatCompletionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Streams a chat completion: chunks as they are generated, until <c>[DONE]</c>.</summary>
    /// <param name="request">The request; <c>"stream": true</c> is added for you.</param>
    /// <param name="cancellationToken">Cancels the call and the stream.</param>
    /// <returns>The chunks; fold them with <see cref="ChatCompletionChunkExtensions.ToChatCompletionAsync"/>.</returns>
    [GrokEndpoint("POST", "chat/completions", Stream = true)]
    IAsyncEnumerable<ChatCompletionChunk> StreamChatCompletionAsync(ChatCompletionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Starts a deferred chat completion and returns its request id; fetch it within 24 hours.</summary>
    /// <param name="request">The request; <c>"deferred": true</c> is added for you.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request id.</returns>
    Task<DeferredCompletion> StartDeferredChatCompletionAsync(ChatCompletionRequest request, CancellationToken cancellationToken = default)
        => SendDeferredChatCompletionAsync(request with { Deferred = true }, cancellationToken);

    /// <summary>Fetches a deferred completion: null while xAI still works on it (202).</summary>
    /// <param name="requestId">The id from <see cref="StartDeferredChatCompletionAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The completion, or null while pending.</returns>
    /// <exception cref="GrokApiException">The id is unknown (404) or was already fetched.</exception>
    async Task<ChatCompletion?> GetDeferredChatCompletionAsync(string requestId, CancellationToken cancellationToken = default)
    {
        using var response = await GetDeferredChatCompletionResponseAsync(requestId, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            return null;
        }

        if (response.Error is { } error)
        {
            throw error;
        }

        return response.Content;
    }

    /// <summary>Sends a chat completion request that carries <c>"deferred": true</c>; use <see cref="StartDeferredChatCompletionAsync"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request id.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [GrokEndpoint("POST", "chat/completions")]
    Task<DeferredCompletion> SendDeferredChatCompletionAsync(ChatCompletionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Fetches a deferred completion as a raw Refit response; use <see cref="GetDeferredChatCompletionAsync"/>.</summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response: 200 with the completion, or 202 while pending.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [GrokEndpoint("GET", "chat/deferred-completion/{request_id}")]
    Task<ApiResponse<ChatCompletion>> GetDeferredChatCompletionResponseAsync([AliasAs("request_id")] string requestId, CancellationToken cancellationToken = default);

    /// <summary>Lists the models the key can use, in OpenAI's shape (<c>GET models</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The models.</returns>
    [GrokEndpoint("GET", "models")]
    Task<ModelList> ListModelsAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets one model (<c>GET models/{id}</c>).</summary>
    /// <param name="id">The model id or alias.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The model.</returns>
    [GrokEndpoint("GET", "models/{id}")]
    Task<Model> GetModelAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Lists language models with modalities and prices (<c>GET language-models</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The models.</returns>
    [GrokEndpoint("GET", "language-models")]
    Task<LanguageModelList> ListLanguageModelsAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets one language model (<c>GET language-models/{id}</c>).</summary>
    /// <param name="id">The model id or alias.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The model.</returns>
    [GrokEndpoint("GET", "language-models/{id}")]
    Task<LanguageModel> GetLanguageModelAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Lists embedding models (<c>GET embedding-models</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The models.</returns>
    [GrokEndpoint("GET", "embedding-models")]
    Task<EmbeddingModelList> ListEmbeddingModelsAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets one embedding model (<c>GET embedding-models/{id}</c>).</summary>
    /// <param name="id">The model id or alias.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The model.</returns>
    [GrokEndpoint("GET", "embedding-models/{id}")]
    Task<EmbeddingModel> GetEmbeddingModelAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Lists image generation models (<c>GET image-generation-models</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The models.</returns>
    [GrokEndpoint("GET", "image-generation-models")]
    Task<ImageGenerationModelList> ListImageGenerationModelsAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets one image generation model (<c>GET image-generation-models/{id}</c>).</summary>
    /// <param name="id">The model id or alias.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The model.</returns>
    [GrokEndpoint("GET", "image-generation-models/{id}")]
    Task<ImageGenerationModel> GetImageGenerationModelAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Describes the API key in use, redacted (<c>GET api-key</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key's information.</returns>
    [GrokEndpoint("GET", "api-key")]
    Task<ApiKeyInfo> GetApiKeyInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>Embeds texts (<c>POST embeddings</c>).</summary>
    /// <param name="request">The texts and model.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One vector per text.</returns>
    [GrokEndpoint("POST", "embeddings")]
    Task<EmbeddingResponse> CreateEmbeddingsAsync(EmbeddingRequest request, CancellationToken cancellationToken = default);

    /// <summary>Tokenizes text with a model's tokenizer (<c>POST tokenize-text</c>).</summary>
    /// <param name="request">The text and model.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens.</returns>
    [GrokEndpoint("POST", "tokenize-text")]
    Task<TokenizeTextResponse> TokenizeTextAsync(TokenizeTextRequest request, CancellationToken cancellationToken = default);

    /// <summary>Generates images from a prompt (<c>POST images/generations</c>).</summary>
    /// <param name="request">The prompt, count and format.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The images.</returns>
    [GrokEndpoint("POST", "images/generations")]
    Task<ImageGenerationResponse> GenerateImagesAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default);
}
