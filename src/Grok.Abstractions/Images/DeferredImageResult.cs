using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Images;

/// <summary>A finished deferred image request (<c>GET images/{request_id}</c> with 200): the images, or why it failed.</summary>
public sealed class DeferredImageResult
{
    /// <summary>The polled request id.</summary>
    [JsonPropertyName("request_id")]
    public string RequestId { get; init; } = "";

    /// <summary><c>done</c> or <c>failed</c> (<c>pending</c> never reaches you: the client returns null then).</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";

    /// <summary>The images, when done.</summary>
    [JsonPropertyName("data")]
    public IReadOnlyList<GeneratedImage>? Data { get; init; }

    /// <summary>Why the generation failed, when it did (a failure is a body, not an HTTP error).</summary>
    [JsonPropertyName("error")]
    public MediaError? Error { get; init; }

    /// <summary>What the request cost, when done.</summary>
    [JsonPropertyName("usage")]
    public MediaUsage? Usage { get; init; }

    /// <summary>Gets whether the images are ready.</summary>
    [JsonIgnore]
    public bool IsDone => Status == "done";

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
