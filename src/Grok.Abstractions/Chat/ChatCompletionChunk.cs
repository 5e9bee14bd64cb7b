using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>One chunk of a streamed chat completion (<c>object: chat.completion.chunk</c>).</summary>
public sealed class ChatCompletionChunk
{
    /// <summary>The completion id, the same on every chunk.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary><c>chat.completion.chunk</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Creation time, Unix seconds.</summary>
    [JsonPropertyName("created")]
    public long Created { get; init; }

    /// <summary>The model that answers.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>What this chunk adds per choice; empty on the final usage chunk.</summary>
    [JsonPropertyName("choices")]
    public IReadOnlyList<ChatCompletionChunkChoice> Choices { get; init => field = value ?? []; } = [];

    /// <summary>Usage: on the final chunk with <c>stream_options.include_usage</c>, or cumulative on every chunk of older streams.</summary>
    [JsonPropertyName("usage")]
    public Usage? Usage { get; init; }

    /// <summary>Sources the answer cites; on the last chunk only.</summary>
    [JsonPropertyName("citations")]
    public IReadOnlyList<string>? Citations { get; init; }

    /// <summary>The backend configuration that answers.</summary>
    [JsonPropertyName("system_fingerprint")]
    public string? SystemFingerprint { get; init; }

    /// <summary>Gets the text the first choice adds, or null.</summary>
    [JsonIgnore]
    public string? Content => Choices.Count > 0 ? Choices[0]?.Delta?.Content : null;

    /// <summary>Gets <see cref="Created"/> as a date, or null when it is unset or outside the dates .NET can hold.</summary>
    [JsonIgnore]
    public System.DateTimeOffset? CreatedAt => UnixTime.ToDate(Created);

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
