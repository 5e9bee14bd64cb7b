using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Videos;

/// <summary>The answer of a video generation, edit or extension: the id to poll <c>GET videos/{request_id}</c> with.</summary>
public sealed class DeferredVideo
{
    /// <summary>The request id.</summary>
    [JsonPropertyName("request_id")]
    public string RequestId { get; init; } = "";

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
