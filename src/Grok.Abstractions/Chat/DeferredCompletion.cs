using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>The answer of a deferred chat completion request: an id to fetch the result with.</summary>
public sealed class DeferredCompletion
{
    /// <summary>Fetch the completion with <c>GetDeferredChatCompletionAsync(RequestId)</c> within 24 hours.</summary>
    [JsonPropertyName("request_id")]
    public string RequestId { get; init; } = "";

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
