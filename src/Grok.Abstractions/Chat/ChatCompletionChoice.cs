using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>One answer of a chat completion.</summary>
public sealed class ChatCompletionChoice
{
    /// <summary>The position of the choice.</summary>
    [JsonPropertyName("index")]
    public int Index { get; init; }

    /// <summary>The assistant message.</summary>
    [JsonPropertyName("message")]
    public ChatMessage? Message { get; init; }

    /// <summary>Why generation stopped: <c>stop</c>, <c>length</c>, <c>end_turn</c>, <c>tool_calls</c>.</summary>
    [JsonPropertyName("finish_reason")]
    public string? FinishReason { get; init; }

    /// <summary>Token log probabilities, when asked for.</summary>
    [JsonPropertyName("logprobs")]
    public ChatLogprobs? Logprobs { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
