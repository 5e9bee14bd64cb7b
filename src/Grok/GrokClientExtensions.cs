using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Grok.Chat;

namespace Grok;

/// <summary>The helpers people reach for: one-line chat, structured output, tool arguments, deferred waits, raw calls.</summary>
public static class GrokClientExtensions
{
    /// <summary>The default wait between polls of a deferred completion.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The shortest wait between polls of a deferred completion: 100 ms.</summary>
    public static readonly TimeSpan MinPollInterval = Polling.MinInterval;

    /// <summary>The default longest wait for a deferred completion.</summary>
    public static readonly TimeSpan DefaultDeferredTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Asks one question and returns the answer's text.</summary>
    /// <param name="client">The client.</param>
    /// <param name="prompt">The question.</param>
    /// <param name="model">The model; <see cref="GrokClientOptions.DefaultModel"/> when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer's text ("" when the model answered with none).</returns>
    public static async Task<string> ChatAsync(this IGrokClient client, string prompt, string? model = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(prompt);
        var completion = await client.CreateChatCompletionAsync(
            new ChatCompletionRequest { Model = model, Messages = [ChatMessage.User(prompt)] },
            cancellationToken).ConfigureAwait(false);
        return completion.Content ?? "";
    }

    /// <summary>
    /// Asks for an answer shaped as <typeparamref name="T"/> (a <c>json_schema</c> response format from the type) and
    /// reads it back as <typeparamref name="T"/>.
    /// </summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="client">The client.</param>
    /// <param name="request">The request; its response format is replaced.</param>
    /// <param name="options">The JSON options; <see cref="GrokJson.DefaultOptions"/> when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="JsonException">The answer does not read as <typeparamref name="T"/>; the message quotes it.</exception>
    public static async Task<T> CreateStructuredCompletionAsync<T>(
        this IGrokClient client,
        ChatCompletionRequest request,
        JsonSerializerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var completion = await client.CreateChatCompletionAsync(
            request with { ResponseFormat = GrokSchema.ResponseFormatFor<T>(options) },
            cancellationToken).ConfigureAwait(false);
        return completion.GetContentAs<T>(options);
    }

    /// <summary>Reads the first choice's text as JSON of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="completion">The completion.</param>
    /// <param name="options">The JSON options; <see cref="GrokJson.DefaultOptions"/> when null.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The text is missing or does not read as <typeparamref name="T"/>.</exception>
    public static T GetContentAs<T>(this ChatCompletion completion, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(completion);
        return GrokSchema.ReadJson<T>(completion.Content, options, "The answer");
    }

    /// <summary>Reads a tool call's arguments as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The arguments' type.</typeparam>
    /// <param name="toolCall">The tool call.</param>
    /// <param name="options">The JSON options; <see cref="GrokJson.DefaultOptions"/> when null.</param>
    /// <returns>The arguments.</returns>
    /// <exception cref="JsonException">The arguments do not read as <typeparamref name="T"/>.</exception>
    public static T GetArguments<T>(this ToolCall toolCall, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(toolCall);
        return GrokSchema.ReadJson<T>(toolCall.Function?.Arguments, options, $"The arguments of tool call {toolCall.Id} ({toolCall.Function?.Name})");
    }

    /// <summary>
    /// Polls a deferred completion until it is ready (polling while xAI answers 202), honouring cancellation, and gives up
    /// with a <see cref="TimeoutException"/> after <paramref name="timeout"/>.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="requestId">The id from <see cref="IGrokClient.StartDeferredChatCompletionAsync"/>.</param>
    /// <param name="pollInterval">The wait between polls; 1 second when null.</param>
    /// <param name="timeout">The longest wait; 10 minutes when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The completion.</returns>
    /// <exception cref="TimeoutException">Still pending after <paramref name="timeout"/>; the id stays fetchable for 24 hours.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pollInterval"/> is under 100 ms or over the timer limit, or <paramref name="timeout"/> is neither positive nor infinite.</exception>
    public static async Task<ChatCompletion> WaitForDeferredChatCompletionAsync(
        this IGrokClient client,
        string requestId,
        TimeSpan? pollInterval = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        return await Polling.UntilAsync(
            token => client.GetDeferredChatCompletionAsync(requestId, token),
            pollInterval,
            timeout,
            new PollSchedule(DefaultPollInterval, DefaultDeferredTimeout, MaxInterval: TimeSpan.Zero, Backoff: 1.0), // a steady interval
            elapsed => $"The deferred completion {requestId} was still pending after {elapsed.TotalSeconds:0.#} s; fetch it later with GetDeferredChatCompletionAsync (xAI keeps it for 24 hours).",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a deferred completion and waits for it; see <see cref="WaitForDeferredChatCompletionAsync"/>.</summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The request.</param>
    /// <param name="pollInterval">The wait between polls; 1 second when null.</param>
    /// <param name="timeout">The longest wait; 10 minutes when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The completion.</returns>
    public static async Task<ChatCompletion> CreateDeferredChatCompletionAsync(
        this IGrokClient client,
        ChatCompletionRequest request,
        TimeSpan? pollInterval = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var deferred = await client.StartDeferredChatCompletionAsync(request, cancellationToken).ConfigureAwait(false);
        return await client.WaitForDeferredChatCompletionAsync(deferred.RequestId, pollInterval, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends JSON to an endpoint that is not typed yet (e.g. <c>responses</c>), with the client's key, base address and
    /// errors, and returns the answer's JSON.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path relative to the base address.</param>
    /// <param name="body">The JSON body, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer's JSON, or null for an empty body.</returns>
    /// <exception cref="GrokApiException">The answer is not 2xx or not JSON.</exception>
    public static Task<JsonNode?> SendAsync(this IGrokClient client, HttpMethod method, string path, JsonNode? body = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client is IGrokRawClient raw
            ? raw.SendAsync(method, path, body, cancellationToken)
            : throw new NotSupportedException("SendAsync needs a client created by GrokClient.Create or Refit's RestService.For (a generated client).");
    }

    /// <summary>Collects a stream's text as it arrives, e.g. to print it; returns the folded completion at the end.</summary>
    /// <param name="chunks">The stream.</param>
    /// <param name="onText">Called with each piece of answer text.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The folded completion.</returns>
    public static async Task<ChatCompletion> ForEachTextAsync(
        this IAsyncEnumerable<ChatCompletionChunk> chunks,
        Action<string> onText,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(onText);
        var accumulator = new ChatCompletionAccumulator();
        await foreach (var chunk in chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            accumulator.Add(chunk);
            if (chunk.Content is { Length: > 0 } text)
            {
                onText(text);
            }
        }

        return accumulator.Build();
    }
}
