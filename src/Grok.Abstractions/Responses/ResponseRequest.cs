using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>
/// A request to <c>POST responses</c>, xAI's recommended API. Members it does not model are kept in
/// <see cref="AdditionalProperties"/> and sent again.
/// </summary>
public sealed record ResponseRequest : IGrokRequest
{
    /// <summary>The most tools xAI accepts.</summary>
    public const int MaxTools = 350;

    /// <summary>What <see cref="Include"/> asks for to get encrypted reasoning back (send it again to continue it).</summary>
    public const string EncryptedReasoning = "reasoning.encrypted_content";

    /// <summary>Gets the model, such as <c>grok-4.3</c>; the client's default model when null.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Gets the input: a string, or items (<c>[ResponseInputItem.User("...")]</c>).</summary>
    [JsonPropertyName("input")]
    public ResponseInput? Input { get; init; }

    /// <summary>Gets a system prompt put before the input (not with <see cref="PreviousResponseId"/>, which keeps the earlier one).</summary>
    [JsonPropertyName("instructions")]
    public string? Instructions { get; init; }

    /// <summary>Gets the id of a stored response this one continues; its conversation is the context.</summary>
    [JsonPropertyName("previous_response_id")]
    public string? PreviousResponseId { get; init; }

    /// <summary>Gets whether xAI stores the response (30 days) for <see cref="PreviousResponseId"/> and <c>GET responses/{id}</c>; xAI's default (true) when null.</summary>
    [JsonPropertyName("store")]
    public bool? Store { get; init; }

    /// <summary>Gets extra output to include, such as <see cref="EncryptedReasoning"/>.</summary>
    [JsonPropertyName("include")]
    public IList<string>? Include { get; init; }

    /// <summary>Gets the most visible output tokens (reasoning aside).</summary>
    [JsonPropertyName("max_output_tokens")]
    public int? MaxOutputTokens { get; init; }

    /// <summary>Gets the most agentic tool-calling turns xAI runs for server-side tools.</summary>
    [JsonPropertyName("max_turns")]
    public int? MaxTurns { get; init; }

    /// <summary>Gets the sampling temperature, 0 to 2.</summary>
    [JsonPropertyName("temperature")]
    public double? Temperature { get; init; }

    /// <summary>Gets the nucleus sampling probability mass, above 0 and at most 1.</summary>
    [JsonPropertyName("top_p")]
    public double? TopP { get; init; }

    /// <summary>Gets top-k sampling: only the k most probable tokens are considered (at least 1).</summary>
    [JsonPropertyName("top_k")]
    public int? TopK { get; init; }

    /// <summary>Gets min-p sampling: tokens below this share of the top token's probability are excluded (0 to 1).</summary>
    [JsonPropertyName("min_p")]
    public double? MinP { get; init; }

    /// <summary>Gets the tools the model may use (at most 350).</summary>
    [JsonPropertyName("tools")]
    public IList<ResponseTool>? Tools { get; init; }

    /// <summary>Gets which tool the model must use.</summary>
    [JsonPropertyName("tool_choice")]
    public ResponseToolChoice? ToolChoice { get; init; }

    /// <summary>Gets whether the model may call several tools at once.</summary>
    [JsonPropertyName("parallel_tool_calls")]
    public bool? ParallelToolCalls { get; init; }

    /// <summary>Gets the answer's settings, such as its format (<see cref="ResponseTextFormat"/>).</summary>
    [JsonPropertyName("text")]
    public ResponseTextOptions? Text { get; init; }

    /// <summary>Gets the reasoning settings, such as the effort.</summary>
    [JsonPropertyName("reasoning")]
    public ResponseReasoningOptions? Reasoning { get; init; }

    /// <summary>Gets a stable key that routes requests sharing a prompt prefix to the same cache.</summary>
    [JsonPropertyName("prompt_cache_key")]
    public string? PromptCacheKey { get; init; }

    /// <summary>Gets the processing tier: <c>auto</c>, <c>default</c>, <c>priority</c> or <c>fast</c>.</summary>
    [JsonPropertyName("service_tier")]
    public string? ServiceTier { get; init; }

    /// <summary>Gets a stable (hashed) id of your end user, for usage-policy attribution.</summary>
    [JsonPropertyName("safety_identifier")]
    public string? SafetyIdentifier { get; init; }

    /// <summary>Gets an end-user id for abuse monitoring.</summary>
    [JsonPropertyName("user")]
    public string? User { get; init; }

    /// <summary>Gets whether to return token log probabilities (ignored by grok-4.20 and newer).</summary>
    [JsonPropertyName("logprobs")]
    public bool? Logprobs { get; init; }

    /// <summary>Gets how many alternatives per token to return, 0 to 8.</summary>
    [JsonPropertyName("top_logprobs")]
    public int? TopLogprobs { get; init; }

    /// <summary>Gets whether to stream; streaming methods set it for you.</summary>
    [JsonPropertyName("stream")]
    public bool? Stream { get; init; }

    /// <summary>Gets members this version does not model, kept and sent again so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    IGrokRequest IGrokRequest.WithDefaultModel(string model) => this with { Model = model };

    /// <inheritdoc />
    public void Validate()
    {
        if (Input is null || Input.IsEmpty)
        {
            throw new ArgumentException("ResponseRequest.Input is empty: set it to a string or to items such as [ResponseInputItem.User(\"...\")].", nameof(Input));
        }

        if (Temperature is { } t && (t is < 0 or > 2 || double.IsNaN(t)))
        {
            throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "ResponseRequest.Temperature must be between 0 and 2.");
        }

        if (TopP is { } p && (p is <= 0 or > 1 || double.IsNaN(p)))
        {
            throw new ArgumentOutOfRangeException(nameof(TopP), TopP, "ResponseRequest.TopP must be above 0 and at most 1.");
        }

        if (TopK is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TopK), TopK, "ResponseRequest.TopK must be at least 1.");
        }

        if (MinP is { } minP && (minP is < 0 or > 1 || double.IsNaN(minP)))
        {
            throw new ArgumentOutOfRangeException(nameof(MinP), MinP, "ResponseRequest.MinP must be between 0 and 1.");
        }

        if (TopLogprobs is < 0 or > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(TopLogprobs), TopLogprobs, "ResponseRequest.TopLogprobs must be between 0 and 8.");
        }

        if (MaxOutputTokens is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxOutputTokens), MaxOutputTokens, "ResponseRequest.MaxOutputTokens must be at least 1.");
        }

        if (MaxTurns is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTurns), MaxTurns, "ResponseRequest.MaxTurns must be at least 1.");
        }

        if (Tools is { } tools)
        {
            if (tools.Count > MaxTools)
            {
                throw new ArgumentException($"ResponseRequest.Tools has {tools.Count} tools; xAI accepts at most {MaxTools}.", nameof(Tools));
            }

            for (var i = 0; i < tools.Count; i++)
            {
                (tools[i] ?? throw new ArgumentException($"ResponseRequest.Tools[{i}] is null.", nameof(Tools))).Validate(i);
            }
        }
    }
}
