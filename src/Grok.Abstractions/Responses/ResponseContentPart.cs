using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>
/// One part of a message's content: <c>input_text</c>, <c>input_image</c> or <c>input_file</c> going in;
/// <c>output_text</c> (with citations) or <c>refusal</c> coming out.
/// </summary>
public sealed class ResponseContentPart
{
    /// <summary>Gets the kind of part, such as <c>input_text</c> or <c>output_text</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "input_text";

    /// <summary>Gets the text of a text part.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>Gets the citations of an <c>output_text</c> part.</summary>
    [JsonPropertyName("annotations")]
    public IList<ResponseAnnotation>? Annotations { get; init; }

    /// <summary>Gets the token log probabilities of an <c>output_text</c> part, as sent.</summary>
    [JsonPropertyName("logprobs")]
    public JsonElement? Logprobs { get; init; }

    /// <summary>Gets the refusal of a <c>refusal</c> part.</summary>
    [JsonPropertyName("refusal")]
    public string? Refusal { get; init; }

    /// <summary>Gets the image URL (or <c>data:</c> URI) of an <c>input_image</c> part.</summary>
    [JsonPropertyName("image_url")]
    public string? ImageUrl { get; init; }

    /// <summary>Gets the detail of an <c>input_image</c> part: <c>low</c>, <c>high</c> or <c>auto</c>.</summary>
    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    /// <summary>Gets the Files API id of an <c>input_file</c> (or <c>input_image</c>) part.</summary>
    [JsonPropertyName("file_id")]
    public string? FileId { get; init; }

    /// <summary>Gets the public URL of an <c>input_file</c> part.</summary>
    [JsonPropertyName("file_url")]
    public string? FileUrl { get; init; }

    /// <summary>Gets the inline base64 bytes of an <c>input_file</c> part.</summary>
    [JsonPropertyName("file_data")]
    public string? FileData { get; init; }

    /// <summary>Gets the file name of an inline <c>input_file</c> part (required with <see cref="FileData"/>).</summary>
    [JsonPropertyName("filename")]
    public string? Filename { get; init; }

    /// <summary>Gets the MIME type of an inline <c>input_file</c> part.</summary>
    [JsonPropertyName("mime_type")]
    public string? MimeType { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>An <c>input_text</c> part.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The part.</returns>
    public static ResponseContentPart InputText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new() { Type = "input_text", Text = text };
    }

    /// <summary>An <c>input_image</c> part from a public URL or a <c>data:</c> URI.</summary>
    /// <param name="url">The URL, or <c>data:image/png;base64,...</c>.</param>
    /// <param name="detail"><c>low</c>, <c>high</c> or <c>auto</c>.</param>
    /// <returns>The part.</returns>
    public static ResponseContentPart InputImage(string url, string? detail = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        return new() { Type = "input_image", ImageUrl = url, Detail = detail };
    }

    /// <summary>An <c>input_image</c> part from bytes, sent as a base64 <c>data:</c> URI.</summary>
    /// <param name="bytes">The image (JPEG, PNG or WebP).</param>
    /// <param name="mediaType">Its media type, <c>image/png</c> by default.</param>
    /// <param name="detail"><c>low</c>, <c>high</c> or <c>auto</c>.</param>
    /// <returns>The part.</returns>
    public static ResponseContentPart InputImage(byte[] bytes, string mediaType = "image/png", string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        return InputImage("data:" + mediaType + ";base64," + Convert.ToBase64String(bytes), detail);
    }

    /// <summary>An <c>input_file</c> part naming a file uploaded to the Files API.</summary>
    /// <param name="fileId">The file id.</param>
    /// <returns>The part.</returns>
    public static ResponseContentPart InputFileFromId(string fileId)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileId);
        return new() { Type = "input_file", FileId = fileId };
    }

    /// <summary>An <c>input_file</c> part xAI fetches from a public URL.</summary>
    /// <param name="url">The URL.</param>
    /// <returns>The part.</returns>
    public static ResponseContentPart InputFileFromUrl(string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        return new() { Type = "input_file", FileUrl = url };
    }

    /// <summary>An <c>input_file</c> part carrying the file's bytes inline (base64), without an upload.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="filename">Its name (xAI requires one for inline files).</param>
    /// <param name="mimeType">Its MIME type, such as <c>application/pdf</c>.</param>
    /// <returns>The part.</returns>
    public static ResponseContentPart InputFileFromData(byte[] bytes, string filename, string? mimeType = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentException.ThrowIfNullOrEmpty(filename);
        return new() { Type = "input_file", FileData = Convert.ToBase64String(bytes), Filename = filename, MimeType = mimeType };
    }
}
