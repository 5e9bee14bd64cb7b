using System;
using System.ComponentModel;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using Refit;

namespace Grok;

/// <summary>
/// Builds the parts of a <c>[Multipart]</c> endpoint's body, in declaration order: file parts stream from their source
/// (a file part is never buffered and never sent twice), form fields are plain text. Called by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GrokMultipart
{
    private const string DefaultContentType = "application/octet-stream";

    /// <summary>Creates the body; Refit's boundary when <paramref name="boundary"/> is null or empty.</summary>
    /// <param name="boundary">The boundary from <c>[Multipart(boundary)]</c>, or null.</param>
    /// <returns>The body.</returns>
    public static MultipartFormDataContent Create(string? boundary)
        => string.IsNullOrEmpty(boundary) ? new MultipartFormDataContent() : new MultipartFormDataContent(boundary);

    /// <summary>Adds a form field; a null value adds nothing.</summary>
    /// <param name="content">The body.</param>
    /// <param name="name">The field's name.</param>
    /// <param name="value">The field's text, or null.</param>
    public static void AddField(MultipartFormDataContent content, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (value is null)
        {
            return;
        }

        var field = new StringContent(value);
        field.Headers.ContentType = null; // as browsers send fields: text, no type
        content.Add(field, name);
    }

    /// <summary>Adds a file part streamed from <see cref="StreamPart.Value"/>, with its file name and content type; null adds nothing.</summary>
    /// <param name="content">The body.</param>
    /// <param name="name">The part's name.</param>
    /// <param name="part">The part, or null.</param>
    public static void AddFile(MultipartFormDataContent content, string name, StreamPart? part)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (part is null)
        {
            return;
        }

        AddStream(content, name, part.Value, part.FileName, part.ContentType);
    }

    /// <summary>Adds a file part from bytes, with its file name and content type; null adds nothing.</summary>
    /// <param name="content">The body.</param>
    /// <param name="name">The part's name.</param>
    /// <param name="part">The part, or null.</param>
    public static void AddFile(MultipartFormDataContent content, string name, ByteArrayPart? part)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (part is null)
        {
            return;
        }

        var file = new ByteArrayContent(part.Value);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(part.ContentType ?? DefaultContentType);
        content.Add(file, name, part.FileName);
    }

    /// <summary>Adds a file part read from disk as it goes out, named after the file; null adds nothing.</summary>
    /// <param name="content">The body.</param>
    /// <param name="name">The part's name.</param>
    /// <param name="part">The part, or null.</param>
    public static void AddFile(MultipartFormDataContent content, string name, FileInfoPart? part)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (part is null)
        {
            return;
        }

        var stream = new FileStream(part.Value.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        AddStream(content, name, stream, part.FileName, part.ContentType, ownsStream: true);
    }

    /// <summary>Adds a file part streamed from <paramref name="stream"/>, named after the part; null adds nothing.</summary>
    /// <param name="content">The body.</param>
    /// <param name="name">The part's name, also its file name.</param>
    /// <param name="stream">The bytes, or null.</param>
    public static void AddFile(MultipartFormDataContent content, string name, Stream? stream)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (stream is null)
        {
            return;
        }

        AddStream(content, name, stream, name, null);
    }

    private static void AddStream(MultipartFormDataContent content, string name, Stream stream, string? fileName, string? contentType, bool ownsStream = false)
    {
        var file = new SendOnceStreamContent(stream, "'" + (fileName ?? name) + "'", ownsStream);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? DefaultContentType);
        content.Add(file, name, string.IsNullOrEmpty(fileName) ? name : fileName);
    }
}
