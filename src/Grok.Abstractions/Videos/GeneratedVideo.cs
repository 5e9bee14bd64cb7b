using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Videos;

/// <summary>A generated video.</summary>
public sealed class GeneratedVideo
{
    /// <summary>Where to fetch the video; empty when moderation withheld it.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The length in seconds.</summary>
    [JsonPropertyName("duration")]
    public int Duration { get; init; }

    /// <summary>Whether the video passed moderation (when false, <see cref="Url"/> is empty).</summary>
    [JsonPropertyName("respect_moderation")]
    public bool RespectModeration { get; init; }

    /// <summary>Where the video was stored in the Files API, when <c>storage_options</c> asked for it.</summary>
    [JsonPropertyName("file_output")]
    public Grok.Files.FileOutput? FileOutput { get; init; }

    /// <summary>Why storing the video failed, when it did.</summary>
    [JsonPropertyName("storage_error")]
    public string? StorageError { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
