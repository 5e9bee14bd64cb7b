using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>The answer of a chat completion (<c>object: chat.completion</c>).</summary>
public sealed class ChatCompletion : IJsonOnDeserialized
{
    /// <summary>The completion id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary><c>chat.completion</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Creation time, Unix seconds.</summary>
    [JsonPropertyName("created")]
    public long Created { get; init; }

    /// <summary>The model that answered (the full name, e.g. <c>grok-4-fast-reasoning</c>).</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>The answers; one unless <c>n</c> asked for more.</summary>
    [JsonPropertyName("choices")]
    public IReadOnlyList<ChatCompletionChoice> Choices { get; init; } = [];

    /// <summary>Tokens used and the cost.</summary>
    [JsonPropertyName("usage")]
    public Usage? Usage { get; init; }

    /// <summary>Sources the answer cites (search).</summary>
    [JsonPropertyName("citations")]
    public IReadOnlyList<string>? Citations { get; init; }

    /// <summary>The backend configuration that answered.</summary>
    [JsonPropertyName("system_fingerprint")]
    public string? SystemFingerprint { get; init; }

    /// <summary>The processing tier that served the request: <c>default</c>, <c>priority</c> or <c>fast</c>.</summary>
    [JsonPropertyName("service_tier")]
    public string? ServiceTier { get; init; }

    /// <summary>Gets the first choice's message, where the answer is.</summary>
    [JsonIgnore]
    public ChatMessage? Message => Choices is { Count: > 0 } choices ? choices[0]?.Message : null;

    /// <summary>Gets <see cref="Created"/> as a date, or null when it is unset or outside the dates .NET can hold.</summary>
    [JsonIgnore]
    public System.DateTimeOffset? CreatedAt => UnixTime.ToDate(Created);

    /// <summary>A completion whose <c>choices</c> is <c>null</c> (or holds a <c>null</c>) is unusable: reading it fails as JSON.</summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        if (Choices is null)
        {
            throw new JsonException("The chat completion's \"choices\" is null; the answer is unusable.");
        }

        foreach (var choice in Choices)
        {
            if (choice is null)
            {
                throw new JsonException("The chat completion's \"choices\" holds a null; the answer is unusable.");
            }
        }
    }

    /// <summary>Gets the first choice's text.</summary>
    [JsonIgnore]
    public string? Content => Message?.Content;

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
