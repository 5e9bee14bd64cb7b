using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Videos;

/// <summary>An input video (.mp4): a public URL, a <c>data:</c> URL, or the id of a video in the Files API.</summary>
public sealed record VideoInput
{
    /// <summary>A public URL or a base64 <c>data:</c> URL of an .mp4 video.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The id of an uploaded video in the Files API.</summary>
    [JsonPropertyName("file_id")]
    public string? FileId { get; init; }

    /// <summary>Gets members this version does not model, kept and sent again so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A video at a URL.</summary>
    /// <param name="url">The URL.</param>
    /// <returns>The input.</returns>
    public static VideoInput FromUrl(string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        return new VideoInput { Url = url };
    }

    /// <summary>A video uploaded to the Files API.</summary>
    /// <param name="fileId">The file id.</param>
    /// <returns>The input.</returns>
    public static VideoInput FromFile(string fileId)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileId);
        return new VideoInput { FileId = fileId };
    }

    internal void Validate(string name)
    {
        if (string.IsNullOrEmpty(Url) == string.IsNullOrEmpty(FileId))
        {
            throw new ArgumentException($"{name} needs exactly one of Url or FileId.", name);
        }
    }
}
