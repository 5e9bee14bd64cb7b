using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>One choice's part of a stream chunk.</summary>
public sealed class ChatCompletionChunkChoice
{
    /// <summary>The position of the choice.</summary>
    [JsonPropertyName("index")]
    public int Index { get; init; }

    /// <summary>What this chunk adds.</summary>
    [JsonPropertyName("delta")]
    public ChatDelta? Delta { get; init; }

    /// <summary>Set on the choice's last chunk.</summary>
    [JsonPropertyName("finish_reason")]
    public string? FinishReason { get; init; }

    /// <summary>Token log probabilities, when asked for.</summary>
    [JsonPropertyName("logprobs")]
    public ChatLogprobs? Logprobs { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
