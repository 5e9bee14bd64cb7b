using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Grok.Files;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Grok.Emulation;

/// <summary>
/// The Files API: <c>POST files</c> (multipart, read as it arrives: <c>expires_after</c> must come before <c>file</c>),
/// <c>GET files</c> (paged), <c>GET/DELETE files/{id}</c>, <c>GET files/{id}/content</c> and public URLs.
/// </summary>
internal sealed class FilesEndpoint
{
    private const int MaxFieldBytes = 1024;
    private const long MinExpiresAfter = 3600;
    private const long MaxExpiresAfter = 2_592_000;
    private readonly FileStore _store;

    public FilesEndpoint(FileStore store) => _store = store;

    /// <summary>Whether a request is an upload, whose body the emulator streams instead of reading up front.</summary>
    public static bool IsUpload(HttpRequest request)
        => HttpMethods.IsPost(request.Method)
            && string.Equals(request.Path.Value?.TrimEnd('/'), "/v1/files", StringComparison.Ordinal)
            && request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;

    public async Task UploadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "POST files takes a multipart/form-data body with a boundary: an optional expires_after field, then the file part.").ConfigureAwait(false);
            return;
        }

        if (_store.IsFull)
        {
            await EmulatorHttp.WriteErrorAsync(context, 429, "The emulator keeps at most its configured number of files; delete some first.").ConfigureAwait(false);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var reader = new MultipartReader(boundary, context.Request.Body);
        long? expiresAfter = null;
        string? purpose = null;
        Stream? target = null;
        string? path = null;
        string? fileName = null;
        var contentType = "application/octet-stream";
        var stored = false;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || disposition.Name.Value is not { } rawName)
                {
                    await EmulatorHttp.WriteErrorAsync(context, 400, "Every multipart part needs a Content-Disposition with a name.").ConfigureAwait(false);
                    return;
                }

                var name = HeaderUtilities.RemoveQuotes(rawName).Value;
                switch (name)
                {
                    case "file":
                        if (target is not null)
                        {
                            await EmulatorHttp.WriteErrorAsync(context, 400, "The body has more than one file part.").ConfigureAwait(false);
                            return;
                        }

                        fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                        if (string.IsNullOrWhiteSpace(fileName))
                        {
                            await EmulatorHttp.WriteErrorAsync(context, 400, "The file part has no filename in its Content-Disposition.").ConfigureAwait(false);
                            return;
                        }

                        contentType = section.ContentType ?? contentType;
                        target = _store.CreateTarget(out path);
                        var cap = Math.Min(_store.MaxFileBytes, _store.RemainingMemory);
                        if (!await CopyBoundedAsync(section.Body, target, cap, cancellationToken).ConfigureAwait(false))
                        {
                            await EmulatorHttp.WriteErrorAsync(context, 413, $"Payload too large -- the file exceeds {cap} bytes.").ConfigureAwait(false);
                            return;
                        }

                        break;
                    case "expires_after":
                        if (target is not null)
                        {
                            await EmulatorHttp.WriteErrorAsync(context, 400, "The expires_after field must come before the file part: xAI streams the file and cannot read fields after it.").ConfigureAwait(false);
                            return;
                        }

                        var text = await ReadFieldAsync(section.Body, cancellationToken).ConfigureAwait(false);
                        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds is < MinExpiresAfter or > MaxExpiresAfter)
                        {
                            await EmulatorHttp.WriteErrorAsync(context, 400, $"expires_after must be a number of seconds between {MinExpiresAfter} and {MaxExpiresAfter}; it is '{text}'.").ConfigureAwait(false);
                            return;
                        }

                        expiresAfter = seconds;
                        break;
                    case "purpose":
                        purpose = await ReadFieldAsync(section.Body, cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        await section.Body.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
                        break;
                }
            }

            if (target is null || fileName is null)
            {
                await EmulatorHttp.WriteErrorAsync(context, 400, "The body has no file part (a part named \"file\" with a filename).").ConfigureAwait(false);
                return;
            }

            var file = _store.Add(fileName, contentType, expiresAfter, purpose, target, path);
            stored = true;
            await EmulatorHttp.WriteJsonAsync(context, 200, file, GrokJsonContext.Default.GrokFile).ConfigureAwait(false);
        }
        catch (InvalidDataException exception)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "The multipart body is malformed: " + exception.Message).ConfigureAwait(false);
        }
        finally
        {
            if (target is not null)
            {
                await target.DisposeAsync().ConfigureAwait(false);
            }

            if (!stored && path is not null)
            {
                FileStore.TryDelete(path);
            }
        }
    }

    public async Task ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var limit = 100;
        if (query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "limit must be between 1 and 100.").ConfigureAwait(false);
            return;
        }

        var descending = !string.Equals(query["order"], "asc", StringComparison.OrdinalIgnoreCase);
        IEnumerable<FileStore.StoredFile> files = _store.All();
        files = query["sort_by"].ToString() switch
        {
            "filename" => descending ? files.OrderByDescending(f => f.Meta.FileName, StringComparer.Ordinal).ThenByDescending(f => f.Sequence) : files.OrderBy(f => f.Meta.FileName, StringComparer.Ordinal).ThenBy(f => f.Sequence),
            "size" => descending ? files.OrderByDescending(f => f.Meta.Bytes).ThenByDescending(f => f.Sequence) : files.OrderBy(f => f.Meta.Bytes).ThenBy(f => f.Sequence),
            _ => descending ? files.OrderByDescending(f => f.Sequence) : files.OrderBy(f => f.Sequence),
        };

        var list = files.Select(f => f.Meta).ToList();
        var start = 0;
        var previous = query["pagination_token"].ToString() is { Length: > 0 } token ? token : null;
        if (previous is not null)
        {
            var at = list.FindIndex(f => f.Id == previous);
            start = at < 0 ? list.Count : at + 1;
        }

        var page = list.Skip(start).Take(limit).ToArray();

        // Like xAI: a token always comes back (the last id of the page); a page shorter than the limit is the last.
        var answer = new GrokFileList { Data = page, PaginationToken = page.Length > 0 ? page[^1].Id : previous };
        await EmulatorHttp.WriteJsonAsync(context, 200, answer, GrokJsonContext.Default.GrokFileList).ConfigureAwait(false);
    }

    public async Task GetAsync(HttpContext context, string id)
    {
        if (await FindAsync(context, id).ConfigureAwait(false) is { } file)
        {
            await EmulatorHttp.WriteJsonAsync(context, 200, file.Meta, GrokJsonContext.Default.GrokFile).ConfigureAwait(false);
        }
    }

    public async Task DeleteAsync(HttpContext context, string id)
    {
        if (!_store.Remove(id))
        {
            await NotFoundAsync(context, id).ConfigureAwait(false);
            return;
        }

        await EmulatorHttp.WriteJsonAsync(context, 200, new DeletedFile { Id = id, Deleted = true, Object = "file" }, GrokJsonContext.Default.DeletedFile).ConfigureAwait(false);
    }

    public async Task ContentAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(context, id).ConfigureAwait(false) is not { } file)
        {
            return;
        }

        var source = _store.OpenRead(file);
        await using (source.ConfigureAwait(false))
        {
            var response = context.Response;
            response.StatusCode = 200;
            response.ContentType = "application/octet-stream";
            response.ContentLength = source.Length;
            await source.CopyToAsync(response.Body, 81920, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task CreatePublicUrlAsync(HttpContext context, string id, string body)
    {
        if (await FindAsync(context, id).ConfigureAwait(false) is not { } file)
        {
            return;
        }

        var request = string.IsNullOrWhiteSpace(body) ? new FilePublicUrlRequest() : await JsonBody.ReadAsync(context, body, GrokJsonContext.Default.FilePublicUrlRequest).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        if (request.ExpiresAfter is { } seconds && seconds is < MinExpiresAfter or > MaxExpiresAfter)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, $"expires_after must be between {MinExpiresAfter} and {MaxExpiresAfter} seconds.").ConfigureAwait(false);
            return;
        }

        var expiresAt = request.ExpiresAfter is { } after ? DateTimeOffset.UtcNow.ToUnixTimeSeconds() + after : file.Meta.ExpiresAt;
        var url = "https://files-cdn.x.ai/emulator/" + file.Meta.Id + "/" + Uri.EscapeDataString(file.Meta.FileName);
        _store.Update(file with { Meta = Copy(file.Meta, url, expiresAt) });
        await EmulatorHttp.WriteJsonAsync(context, 200, new FilePublicUrl { PublicUrl = url, ExpiresAt = expiresAt }, GrokJsonContext.Default.FilePublicUrl).ConfigureAwait(false);
    }

    public async Task RevokePublicUrlAsync(HttpContext context, string id)
    {
        if (await FindAsync(context, id).ConfigureAwait(false) is not { } file)
        {
            return;
        }

        var url = file.Meta.PublicUrl;
        if (url is not null)
        {
            _store.Update(file with { Meta = Copy(file.Meta, null, null) });
        }

        await EmulatorHttp.WriteJsonAsync(context, 200, new RevokedFilePublicUrl { Id = id, Revoked = url is not null, PublicUrl = url }, GrokJsonContext.Default.RevokedFilePublicUrl).ConfigureAwait(false);
    }

    private async Task<FileStore.StoredFile?> FindAsync(HttpContext context, string id)
    {
        if (_store.TryGet(id, out var file))
        {
            return file;
        }

        await NotFoundAsync(context, id).ConfigureAwait(false);
        return null;
    }

    private static Task NotFoundAsync(HttpContext context, string id)
        => EmulatorHttp.WriteErrorAsync(context, 404, "File " + id + " not found, deleted, or expired.");

    private static GrokFile Copy(GrokFile file, string? publicUrl, long? publicUrlExpiresAt) => new()
    {
        Id = file.Id,
        Object = file.Object,
        Bytes = file.Bytes,
        FileName = file.FileName,
        CreatedAt = file.CreatedAt,
        ExpiresAt = file.ExpiresAt,
        Purpose = file.Purpose,
        PublicUrl = publicUrl,
        PublicUrlExpiresAt = publicUrlExpiresAt,
    };

    /// <summary>Copies at most <paramref name="limit"/> bytes; false when the source had more.</summary>
    private static async Task<bool> CopyBoundedAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return false;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        if (length > MaxFieldBytes)
        {
            throw new InvalidDataException($"A form field is longer than {MaxFieldBytes} bytes.");
        }

        return Encoding.UTF8.GetString(buffer, 0, length).Trim();
    }
}
