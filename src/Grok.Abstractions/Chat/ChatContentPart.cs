using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>One part of a multi-part message: text, an image, or a file.</summary>
public sealed class ChatContentPart
{
    /// <summary><c>text</c>, <c>image_url</c> or <c>file</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "text";

    /// <summary>The text of a <c>text</c> part.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>The image of an <c>image_url</c> part.</summary>
    [JsonPropertyName("image_url")]
    public ImageUrl? ImageUrl { get; init; }

    /// <summary>The file of a <c>file</c> part, as xAI describes it.</summary>
    [JsonPropertyName("file")]
    public JsonElement? File { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A text part.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The part.</returns>
    public static ChatContentPart FromText(string text) => new() { Type = "text", Text = text };

    /// <summary>An image part from a URL or a <c>data:</c> URI.</summary>
    /// <param name="url">The URL or <c>data:image/png;base64,...</c>.</param>
    /// <param name="detail"><c>low</c>, <c>high</c> or <c>auto</c>.</param>
    /// <returns>The part.</returns>
    public static ChatContentPart FromImageUrl(string url, string? detail = null)
        => new() { Type = "image_url", ImageUrl = new ImageUrl { Url = url, Detail = detail } };

    /// <summary>An image part from bytes, sent as a base64 <c>data:</c> URI.</summary>
    /// <param name="bytes">The image bytes (jpg or png, up to 10 MiB).</param>
    /// <param name="mediaType"><c>image/png</c> or <c>image/jpeg</c>.</param>
    /// <param name="detail"><c>low</c>, <c>high</c> or <c>auto</c>.</param>
    /// <returns>The part.</returns>
    public static ChatContentPart FromImageBytes(byte[] bytes, string mediaType = "image/png", string? detail = null)
        => FromImageUrl("data:" + mediaType + ";base64," + System.Convert.ToBase64String(bytes), detail);
}
