using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>
/// A response of the Responses API (<c>object: "response"</c>): its <see cref="Output"/> items, <see cref="Status"/>,
/// <see cref="Usage"/> and, for a failed one, <see cref="Error"/>.
/// </summary>
public sealed record GrokResponse : IJsonOnDeserialized
{
    /// <summary>Gets the response's id; pass it as <see cref="ResponseRequest.PreviousResponseId"/> to continue.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>Gets the object type, <c>response</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Gets when the response was created, in Unix seconds.</summary>
    [JsonPropertyName("created_at")]
    public long? CreatedAt { get; init; }

    /// <summary>Gets when the response completed, in Unix seconds.</summary>
    [JsonPropertyName("completed_at")]
    public long? CompletedAt { get; init; }

    /// <summary>Gets the model that answered.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Gets the status: <c>completed</c>, <c>in_progress</c>, <c>incomplete</c> or <c>failed</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Gets the output items in order.</summary>
    [JsonPropertyName("output")]
    public IList<ResponseItem> Output { get; init; } = [];

    /// <summary>Gets the token counts and cost.</summary>
    [JsonPropertyName("usage")]
    public ResponseUsage? Usage { get; init; }

    /// <summary>Gets the response this one continues.</summary>
    [JsonPropertyName("previous_response_id")]
    public string? PreviousResponseId { get; init; }

    /// <summary>Gets why the response failed (<see cref="Status"/> <c>failed</c>).</summary>
    [JsonPropertyName("error")]
    public ResponseError? Error { get; init; }

    /// <summary>Gets why the response is incomplete (<see cref="Status"/> <c>incomplete</c>).</summary>
    [JsonPropertyName("incomplete_details")]
    public ResponseIncompleteDetails? IncompleteDetails { get; init; }

    /// <summary>Gets the instructions in effect.</summary>
    [JsonPropertyName("instructions")]
    public string? Instructions { get; init; }

    /// <summary>Gets the output token limit in effect.</summary>
    [JsonPropertyName("max_output_tokens")]
    public int? MaxOutputTokens { get; init; }

    /// <summary>Gets the tool call limit in effect.</summary>
    [JsonPropertyName("max_tool_calls")]
    public int? MaxToolCalls { get; init; }

    /// <summary>Gets whether parallel tool calls were allowed.</summary>
    [JsonPropertyName("parallel_tool_calls")]
    public bool? ParallelToolCalls { get; init; }

    /// <summary>Gets the temperature in effect.</summary>
    [JsonPropertyName("temperature")]
    public double? Temperature { get; init; }

    /// <summary>Gets the nucleus sampling mass in effect.</summary>
    [JsonPropertyName("top_p")]
    public double? TopP { get; init; }

    /// <summary>Gets the answer settings in effect.</summary>
    [JsonPropertyName("text")]
    public ResponseTextOptions? Text { get; init; }

    /// <summary>Gets the tool choice in effect.</summary>
    [JsonPropertyName("tool_choice")]
    public ResponseToolChoice? ToolChoice { get; init; }

    /// <summary>Gets the tools offered.</summary>
    [JsonPropertyName("tools")]
    public IList<ResponseTool>? Tools { get; init; }

    /// <summary>Gets the reasoning settings in effect.</summary>
    [JsonPropertyName("reasoning")]
    public ResponseReasoningOptions? Reasoning { get; init; }

    /// <summary>Gets whether the response is stored.</summary>
    [JsonPropertyName("store")]
    public bool? Store { get; init; }

    /// <summary>Gets the end-user id sent.</summary>
    [JsonPropertyName("user")]
    public string? User { get; init; }

    /// <summary>Gets the processing tier used.</summary>
    [JsonPropertyName("service_tier")]
    public string? ServiceTier { get; init; }

    /// <summary>Gets the prompt cache key used.</summary>
    [JsonPropertyName("prompt_cache_key")]
    public string? PromptCacheKey { get; init; }

    /// <summary>Gets the safety identifier sent.</summary>
    [JsonPropertyName("safety_identifier")]
    public string? SafetyIdentifier { get; init; }

    /// <summary>Gets the metadata object (kept for compatibility; xAI puts e.g. <c>system_fingerprint</c> there).</summary>
    [JsonPropertyName("metadata")]
    public JsonElement? Metadata { get; init; }

    /// <summary>Gets the compatibility flag <c>background</c>.</summary>
    [JsonPropertyName("background")]
    public bool? Background { get; init; }

    /// <summary>Gets the compatibility field <c>truncation</c>.</summary>
    [JsonPropertyName("truncation")]
    public string? Truncation { get; init; }

    /// <summary>Gets the number of alternatives per token in effect.</summary>
    [JsonPropertyName("top_logprobs")]
    public int? TopLogprobs { get; init; }

    /// <summary>Gets the compatibility field <c>presence_penalty</c> (not supported by the Responses API).</summary>
    [JsonPropertyName("presence_penalty")]
    public double? PresencePenalty { get; init; }

    /// <summary>Gets the compatibility field <c>frequency_penalty</c> (not supported by the Responses API).</summary>
    [JsonPropertyName("frequency_penalty")]
    public double? FrequencyPenalty { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Gets the text of every <c>output_text</c> part, joined ("" when there is none).</summary>
    [JsonIgnore]
    public string OutputText
    {
        get
        {
            var text = new StringBuilder();
            foreach (var message in (Output ?? []).OfType<ResponseMessageItem>())
            {
                text.Append(message.Text);
            }

            return text.ToString();
        }
    }

    /// <summary>Gets the function calls the model asks you to run, in order.</summary>
    [JsonIgnore]
    public IReadOnlyList<FunctionCallItem> FunctionCalls => (Output ?? []).OfType<FunctionCallItem>().ToList();

    /// <summary>Gets the citations of every message, in order.</summary>
    [JsonIgnore]
    public IReadOnlyList<ResponseAnnotation> Citations => (Output ?? []).OfType<ResponseMessageItem>().SelectMany(m => m.Annotations).ToList();

    /// <summary>Gets the reasoning summaries and text, joined ("" when there is none).</summary>
    [JsonIgnore]
    public string ReasoningText => string.Concat((Output ?? []).OfType<ReasoningItem>().Select(r => r.Text));

    /// <summary>A response whose <c>output</c> is <c>null</c> (or holds a <c>null</c>) is unusable: reading it fails as JSON.</summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        if (Output is null)
        {
            throw new JsonException("The response's \"output\" is null; the answer is unusable.");
        }

        if (Output.Any(item => item is null))
        {
            throw new JsonException("The response's \"output\" holds a null; the answer is unusable.");
        }
    }
}
