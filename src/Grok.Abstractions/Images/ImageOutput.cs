using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Images;

/// <summary>Signed URLs the generated images are uploaded to with HTTP PUT, one per image.</summary>
public sealed record ImageOutput
{
    /// <summary>The URLs; as many as the request's <c>n</c>.</summary>
    [JsonPropertyName("upload_urls")]
    public IList<string> UploadUrls { get; init; } = [];

    /// <summary>Gets members this version does not model, kept and sent again so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
