using System.ComponentModel;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Grok.Files;
using Refit;

namespace Grok;

/// <summary>The Files API: files kept in xAI's storage, referenced by id in chats, image and video requests and batches.</summary>
public partial interface IGrokClient
{
    /// <summary>Lists one page of files (<c>GET files</c>); <c>ListAllFilesAsync</c> follows the pages for you.</summary>
    /// <param name="limit">The most files per page, 1 to 100 (xAI's default 100).</param>
    /// <param name="order"><c>asc</c> or <c>desc</c> (the default).</param>
    /// <param name="sortBy"><c>created_at</c> (the default), <c>filename</c> or <c>size</c>.</param>
    /// <param name="paginationToken">The token of the previous page, or null for the first.</param>
    /// <param name="filter">An AIP-160 filter, e.g. <c>content_type = "pdf"</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    [GrokEndpoint("GET", "files")]
    Task<GrokFileList> ListFilesAsync(
        int? limit = null,
        string? order = null,
        [AliasAs("sort_by")] string? sortBy = null,
        [AliasAs("pagination_token")] string? paginationToken = null,
        string? filter = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets a file's metadata (<c>GET files/{file_id}</c>).</summary>
    /// <param name="fileId">The file id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The file.</returns>
    /// <exception cref="GrokApiException">404: no such file, or it was deleted or has expired.</exception>
    [GrokEndpoint("GET", "files/{file_id}")]
    Task<GrokFile> GetFileAsync([AliasAs("file_id")] string fileId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads a file's bytes (<c>GET files/{file_id}/content</c>) as a stream read from the network as you read it:
    /// nothing is buffered, so files of any size fit. Dispose the stream.
    /// </summary>
    /// <param name="fileId">The file id.</param>
    /// <param name="cancellationToken">Cancels the call (until the answer's headers arrive; then cancel your reads).</param>
    /// <returns>The content.</returns>
    [GrokEndpoint("GET", "files/{file_id}/content")]
    Task<Stream> DownloadFileAsync([AliasAs("file_id")] string fileId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a file (<c>DELETE files/{file_id}</c>).</summary>
    /// <param name="fileId">The file id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The confirmation.</returns>
    [GrokEndpoint("DELETE", "files/{file_id}")]
    Task<DeletedFile> DeleteFileAsync([AliasAs("file_id")] string fileId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a permanent, unauthenticated public URL of a file (<c>POST files/{file_id}/public-url</c>); revoke it with
    /// <see cref="RevokeFilePublicUrlAsync"/>.
    /// </summary>
    /// <param name="fileId">The file id.</param>
    /// <param name="request">When the URL expires; an empty request inherits the file's expiry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The URL.</returns>
    [GrokEndpoint("POST", "files/{file_id}/public-url")]
    Task<FilePublicUrl> CreateFilePublicUrlAsync([AliasAs("file_id")] string fileId, FilePublicUrlRequest request, CancellationToken cancellationToken = default);

    /// <summary>Revokes a file's public URL (<c>POST files/{file_id}/public-url/revoke</c>); revoking none is not an error.</summary>
    /// <param name="fileId">The file id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether a URL was revoked.</returns>
    [GrokEndpoint("POST", "files/{file_id}/public-url/revoke")]
    Task<RevokedFilePublicUrl> RevokeFilePublicUrlAsync([AliasAs("file_id")] string fileId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads a file (<c>POST files</c>, multipart: <c>expires_after</c>, <c>purpose</c>, then <c>file</c>, in that order);
    /// use <c>UploadFileAsync</c>, which checks the expiry and names the part.
    /// </summary>
    /// <param name="expiresAfter">Seconds until the file expires, 3600 to 2592000; null keeps it.</param>
    /// <param name="purpose">A purpose label, or null.</param>
    /// <param name="file">The file, streamed from its source, never sent twice.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored file.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Multipart]
    [GrokEndpoint("POST", "files")]
    Task<GrokFile> UploadFilePartsAsync(
        [AliasAs("expires_after")] long? expiresAfter,
        string? purpose,
        StreamPart file,
        CancellationToken cancellationToken = default);
}
