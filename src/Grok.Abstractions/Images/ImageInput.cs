using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Images;

/// <summary>An input image: a public URL, a <c>data:</c> URL, or the id of an image in the Files API.</summary>
public sealed record ImageInput
{
    /// <summary>A public URL or a base64 <c>data:</c> URL (JPEG, PNG or WebP).</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The id of an uploaded image in the Files API.</summary>
    [JsonPropertyName("file_id")]
    public string? FileId { get; init; }

    /// <summary>Gets members this version does not model, kept and sent again so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>An image at a URL (public or <c>data:</c>).</summary>
    /// <param name="url">The URL.</param>
    /// <returns>The input.</returns>
    public static ImageInput FromUrl(string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        return new ImageInput { Url = url };
    }

    /// <summary>An image uploaded to the Files API.</summary>
    /// <param name="fileId">The file id.</param>
    /// <returns>The input.</returns>
    public static ImageInput FromFile(string fileId)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileId);
        return new ImageInput { FileId = fileId };
    }

    /// <summary>An image from bytes, sent inline as a base64 <c>data:</c> URL.</summary>
    /// <param name="bytes">The image bytes.</param>
    /// <param name="mediaType">The MIME type, e.g. <c>image/png</c>.</param>
    /// <returns>The input.</returns>
    public static ImageInput FromBytes(ReadOnlySpan<byte> bytes, string mediaType)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        return new ImageInput { Url = "data:" + mediaType + ";base64," + Convert.ToBase64String(bytes) };
    }

    internal void Validate(string name)
    {
        if (string.IsNullOrEmpty(Url) == string.IsNullOrEmpty(FileId))
        {
            throw new ArgumentException($"{name} needs exactly one of Url or FileId.", name);
        }
    }
}
