using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Grok.Files;

namespace Grok.Tests;

/// <summary>The Files API through IGrokClient, against the emulator over loopback HTTP.</summary>
public sealed class FilesTests : IAsyncLifetime
{
    private GrokEmulator _emulator = null!;
    private IGrokClient _grok = null!;

    public async Task InitializeAsync()
    {
        _emulator = await GrokEmulator.StartAsync(new GrokEmulatorOptions { MaxFileBytes = 1024 * 1024 });
        _grok = GrokClient.Create<IGrokClient>(_emulator.CreateClientOptions());
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Round_trip_uploads_lists_gets_downloads_and_deletes_a_file()
    {
        var bytes = Encoding.UTF8.GetBytes("Quarterly numbers: up and to the right.\n");
        var uploaded = await _grok.UploadFileAsync(new MemoryStream(bytes), "report.txt", TimeSpan.FromHours(2));

        Assert.StartsWith("file_", uploaded.Id);
        Assert.Equal("report.txt", uploaded.FileName);
        Assert.Equal(bytes.Length, uploaded.Bytes);
        Assert.Equal(uploaded.CreatedAt + 7200, uploaded.ExpiresAt);

        var listed = await _grok.ListFilesAsync();
        Assert.Contains(listed.Data, f => f.Id == uploaded.Id);

        var fetched = await _grok.GetFileAsync(uploaded.Id);
        Assert.Equal(uploaded.FileName, fetched.FileName);

        await using (var content = await _grok.DownloadFileAsync(uploaded.Id))
        {
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }

        var deleted = await _grok.DeleteFileAsync(uploaded.Id);
        Assert.True(deleted.Deleted);
        Assert.Equal(uploaded.Id, deleted.Id);

        var gone = await Assert.ThrowsAsync<GrokApiException>(() => _grok.GetFileAsync(uploaded.Id));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.DoesNotContain((await _grok.ListFilesAsync()).Data, f => f.Id == uploaded.Id);
    }

    [Fact]
    public async Task Upload_sends_expires_after_then_the_file_part_with_its_name_and_type()
    {
        var capture = new CapturingHandler();
        using var http = new HttpClient(capture) { BaseAddress = new Uri("https://api.x.ai/v1/") };
        var grok = GrokClient.Create<IGrokClient>(http, new GrokClientOptions { ApiKey = "xai-test" });

        var file = await grok.UploadFileAsync(new MemoryStream(Encoding.UTF8.GetBytes("hello")), "notes.md", TimeSpan.FromDays(1), "text/markdown", "assistants");

        Assert.Equal("file_1", file.Id);
        var body = capture.Body!;
        Assert.StartsWith("multipart/form-data; boundary=", capture.ContentType);
        var expires = body.IndexOf("name=expires_after", StringComparison.Ordinal);
        var purpose = body.IndexOf("name=purpose", StringComparison.Ordinal);
        var part = body.IndexOf("name=file; filename=notes.md", StringComparison.Ordinal);
        Assert.True(expires >= 0 && purpose > expires && part > purpose, body);
        Assert.Contains("86400", body[expires..purpose]);
        Assert.Contains("Content-Type: text/markdown\r\nContent-Disposition: form-data; name=file; filename=notes.md", body, StringComparison.Ordinal);
        Assert.EndsWith("hello", body[..body.LastIndexOf("\r\n--", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task Upload_from_a_path_uses_the_file_name()
    {
        var path = Path.Combine(Path.GetTempPath(), "grok-upload-" + Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(path, "a,b\n1,2\n");
        try
        {
            var file = await _grok.UploadFileAsync(path);
            Assert.Equal(Path.GetFileName(path), file.FileName);
            Assert.Equal(8, file.Bytes);
            Assert.Null(file.ExpiresAt);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(59)]
    [InlineData(60 * 24 * 31)]
    public async Task Upload_refuses_an_expiry_outside_one_hour_to_thirty_days_before_sending(int minutes)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _grok.UploadFileAsync(new MemoryStream([1]), "x.bin", TimeSpan.FromMinutes(minutes)));
        Assert.Empty(_emulator.Requests);
    }

    [Fact]
    public async Task Upload_over_the_size_limit_is_413()
    {
        var error = await Assert.ThrowsAsync<GrokApiException>(
            () => _grok.UploadFileAsync(new MemoryStream(new byte[1024 * 1024 + 1]), "big.bin"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, error.StatusCode);
    }

    [Fact]
    public async Task ListAllFilesAsync_follows_pagination_tokens_to_the_last_short_page()
    {
        for (var i = 0; i < 7; i++)
        {
            await _grok.UploadFileAsync(new MemoryStream([(byte)i]), $"f{i}.bin");
        }

        var all = await _grok.ListAllFilesAsync(pageSize: 3, order: "asc").ToListAsync();

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"f{i}.bin"), all.Select(f => f.FileName));
        Assert.Equal(3, _emulator.Requests.Count(r => r.Method == "GET" && r.Path.StartsWith("/v1/files?", StringComparison.Ordinal)));
        Assert.Contains(_emulator.Requests, r => r.Path.Contains("pagination_token=", StringComparison.Ordinal) && r.Path.Contains("limit=3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Public_url_is_created_and_revoked()
    {
        var file = await _grok.UploadFileAsync(new MemoryStream([1, 2]), "cat.png");

        var url = await _grok.CreateFilePublicUrlAsync(file.Id, new FilePublicUrlRequest { ExpiresAfter = 3600 });
        Assert.Contains(file.Id, url.PublicUrl);
        Assert.NotNull(url.ExpiresAt);
        Assert.Equal(url.PublicUrl, (await _grok.GetFileAsync(file.Id)).PublicUrl);

        var revoked = await _grok.RevokeFilePublicUrlAsync(file.Id);
        Assert.True(revoked.Revoked);
        Assert.False((await _grok.RevokeFilePublicUrlAsync(file.Id)).Revoked);
        Assert.Null((await _grok.GetFileAsync(file.Id)).PublicUrl);
    }

    [Fact]
    public async Task An_upload_that_met_a_503_is_not_sent_again()
    {
        _emulator.Enqueue(EmulatorResponse.ServerError(503));
        var options = _emulator.CreateClientOptions();
        var grok = GrokClient.Create<IGrokClient>(options);

        var error = await Assert.ThrowsAsync<GrokApiException>(() => grok.UploadFileAsync(new NonSeekableStream(new byte[4096]), "once.bin"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(_emulator.Requests, r => r.Path == "/v1/files" && r.Method == "POST");
        Assert.Empty((await grok.ListFilesAsync()).Data);
    }

    [Fact]
    public async Task A_seekable_upload_is_not_sent_twice_either()
    {
        _emulator.Enqueue(EmulatorResponse.ServerError(503));

        var error = await Assert.ThrowsAsync<GrokApiException>(() => _grok.UploadFileAsync(new MemoryStream(new byte[4096]), "once.bin"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(_emulator.Requests, r => r.Path == "/v1/files" && r.Method == "POST");
    }

    /// <summary>Inspects how an upload is built (behaviour is tested against the emulator).</summary>
    private sealed class CapturingHandler : HttpMessageHandler
    {
        public string? Body { get; private set; }

        public string? ContentType { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ContentType = request.Content!.Headers.ContentType!.ToString();
            using var buffer = new MemoryStream();
            await request.Content.CopyToAsync(buffer, cancellationToken);
            Body = Encoding.UTF8.GetString(buffer.ToArray());
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"id":"file_1","object":"file","bytes":5,"created_at":1,"filename":"notes.md","purpose":"assistants"}""", Encoding.UTF8, "application/json"),
            };
        }
    }

    /// <summary>A stream that cannot seek, like a network or pipe stream.</summary>
    private sealed class NonSeekableStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
