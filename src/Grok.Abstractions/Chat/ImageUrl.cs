using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>An image given by URL or <c>data:</c> URI (jpg or png, up to 10 MiB).</summary>
public sealed class ImageUrl
{
    /// <summary>The URL or <c>data:image/png;base64,...</c> URI.</summary>
    [JsonPropertyName("url")]
    public string Url { get; init; } = "";

    /// <summary><c>low</c>, <c>high</c> or <c>auto</c>.</summary>
    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
