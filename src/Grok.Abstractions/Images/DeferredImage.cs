using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Images;

/// <summary>The answer of a deferred image generation or edit: the id to poll <c>GET images/{request_id}</c> with.</summary>
public sealed class DeferredImage
{
    /// <summary>The request id.</summary>
    [JsonPropertyName("request_id")]
    public string RequestId { get; init; } = "";

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
