using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>A request to <c>POST chat/completions</c>. Members it does not model are kept in <see cref="AdditionalProperties"/> and sent again.</summary>
public sealed record ChatCompletionRequest : IGrokRequest
{
    /// <summary>The most stop sequences xAI accepts.</summary>
    public const int MaxStopSequences = 4;

    /// <summary>The most tools xAI accepts (the spec's <c>maxItems</c>; it was 128 until 2026).</summary>
    public const int MaxTools = 350;

    /// <summary>The model, e.g. <c>grok-4</c>; the client's default model when null.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>The conversation so far.</summary>
    [JsonPropertyName("messages")]
    public IList<ChatMessage> Messages { get; init; } = [];

    /// <summary>Sampling temperature, 0 to 2.</summary>
    [JsonPropertyName("temperature")]
    public double? Temperature { get; init; }

    /// <summary>Nucleus sampling probability mass.</summary>
    [JsonPropertyName("top_p")]
    public double? TopP { get; init; }

    /// <summary>The most tokens the answer may have (reasoning aside).</summary>
    [JsonPropertyName("max_completion_tokens")]
    public int? MaxCompletionTokens { get; init; }

    /// <summary>The deprecated form of <see cref="MaxCompletionTokens"/>, kept so recorded requests go out unchanged.</summary>
    [JsonPropertyName("max_tokens")]
    public int? MaxTokens { get; init; }

    /// <summary>How many answers to generate (at least 1).</summary>
    [JsonPropertyName("n")]
    public int? N { get; init; }

    /// <summary>A seed for best-effort deterministic sampling.</summary>
    [JsonPropertyName("seed")]
    public int? Seed { get; init; }

    /// <summary>Up to 4 sequences that end the answer.</summary>
    [JsonPropertyName("stop")]
    public IList<string>? Stop { get; init; }

    /// <summary>Whether to return token log probabilities.</summary>
    [JsonPropertyName("logprobs")]
    public bool? Logprobs { get; init; }

    /// <summary>How many alternatives per token to return, 0 to 8 (needs <see cref="Logprobs"/>).</summary>
    [JsonPropertyName("top_logprobs")]
    public int? TopLogprobs { get; init; }

    /// <summary>Penalty for frequent tokens (not accepted by reasoning models).</summary>
    [JsonPropertyName("frequency_penalty")]
    public double? FrequencyPenalty { get; init; }

    /// <summary>Penalty for tokens already present (not accepted by reasoning models).</summary>
    [JsonPropertyName("presence_penalty")]
    public double? PresencePenalty { get; init; }

    /// <summary>An end-user id for abuse monitoring.</summary>
    [JsonPropertyName("user")]
    public string? User { get; init; }

    /// <summary>Whether to stream; streaming methods set it for you.</summary>
    [JsonPropertyName("stream")]
    public bool? Stream { get; init; }

    /// <summary>Options of a streamed answer, such as a final usage chunk.</summary>
    [JsonPropertyName("stream_options")]
    public StreamOptions? StreamOptions { get; init; }

    /// <summary>Functions the model may call (at most 350).</summary>
    [JsonPropertyName("tools")]
    public IList<Tool>? Tools { get; init; }

    /// <summary>Which tool the model must use: a mode string or one function.</summary>
    [JsonPropertyName("tool_choice")]
    public ToolChoice? ToolChoice { get; init; }

    /// <summary>Whether the model may call several tools at once.</summary>
    [JsonPropertyName("parallel_tool_calls")]
    public bool? ParallelToolCalls { get; init; }

    /// <summary>The shape of the answer: text, any JSON object, or a JSON schema.</summary>
    [JsonPropertyName("response_format")]
    public ResponseFormat? ResponseFormat { get; init; }

    /// <summary>How hard a reasoning model thinks: <c>low</c> or <c>high</c> (grok-3-mini); newer models accept more values.</summary>
    [JsonPropertyName("reasoning_effort")]
    public string? ReasoningEffort { get; init; }

    /// <summary>Whether to answer with a request id to fetch the completion later.</summary>
    [JsonPropertyName("deferred")]
    public bool? Deferred { get; init; }

    /// <summary>
    /// A stable key for prompt caching: requests sharing a prompt prefix and this key are routed to the same cache
    /// (xAI plumbs it to <c>x-grok-conv-id</c>). Cache hits show as <c>usage.prompt_tokens_details.cached_tokens</c>.
    /// </summary>
    [JsonPropertyName("prompt_cache_key")]
    public string? PromptCacheKey { get; init; }

    /// <summary>The processing tier: <c>auto</c>/<c>default</c>, <c>priority</c> or <c>fast</c> (higher priority, higher price).</summary>
    [JsonPropertyName("service_tier")]
    public string? ServiceTier { get; init; }

    /// <summary>
    /// A stable id of your end user (hash it; no e-mail or name), stored with the request so a usage-policy violation
    /// is attributed to that user rather than to the API key.
    /// </summary>
    [JsonPropertyName("safety_identifier")]
    public string? SafetyIdentifier { get; init; }

    /// <summary>Gets members this version does not model, kept and sent again so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    IGrokRequest IGrokRequest.WithDefaultModel(string model) => this with { Model = model };

    /// <inheritdoc />
    public void Validate()
    {
        if (Messages is null || Messages.Count == 0)
        {
            throw new ArgumentException("ChatCompletionRequest.Messages is empty: add at least one message, such as ChatMessage.User(\"...\").", nameof(Messages));
        }

        if (Temperature is < 0 or > 2 || (Temperature is { } t && double.IsNaN(t)))
        {
            throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "ChatCompletionRequest.Temperature must be between 0 and 2.");
        }

        if (Stop is { Count: > MaxStopSequences })
        {
            throw new ArgumentException($"ChatCompletionRequest.Stop has {Stop.Count} sequences; xAI accepts at most {MaxStopSequences}.", nameof(Stop));
        }

        if (TopLogprobs is < 0 or > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(TopLogprobs), TopLogprobs, "ChatCompletionRequest.TopLogprobs must be between 0 and 8.");
        }

        if (Tools is { Count: > MaxTools })
        {
            throw new ArgumentException($"ChatCompletionRequest.Tools has {Tools.Count} tools; xAI accepts at most {MaxTools}.", nameof(Tools));
        }

        if (N is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(N), N, "ChatCompletionRequest.N must be at least 1.");
        }
    }
}
