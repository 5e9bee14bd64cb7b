using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Images;

/// <summary>One generated image.</summary>
public sealed class GeneratedImage
{
    /// <summary>Where to fetch it (response_format url).</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The image bytes, base64 (response_format b64_json).</summary>
    [JsonPropertyName("b64_json")]
    public string? B64Json { get; init; }

    /// <summary>The prompt as the model rewrote it.</summary>
    [JsonPropertyName("revised_prompt")]
    public string? RevisedPrompt { get; init; }

    /// <summary>The image's MIME type, e.g. <c>image/jpeg</c>.</summary>
    [JsonPropertyName("mime_type")]
    public string? MimeType { get; init; }

    /// <summary>Where the image was stored in the Files API, when <c>storage_options</c> asked for it.</summary>
    [JsonPropertyName("file_output")]
    public Grok.Files.FileOutput? FileOutput { get; init; }

    /// <summary>Why storing the image failed, when it did.</summary>
    [JsonPropertyName("storage_error")]
    public string? StorageError { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
