using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Videos;

/// <summary>A signed URL the generated video is uploaded to with HTTP PUT.</summary>
public sealed record VideoOutput
{
    /// <summary>The URL.</summary>
    [JsonPropertyName("upload_url")]
    public string UploadUrl { get; init; } = "";

    /// <summary>Gets members this version does not model, kept and sent again so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
