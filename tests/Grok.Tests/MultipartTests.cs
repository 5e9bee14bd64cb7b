using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace Grok.Tests;

/// <summary>An interface of the user's own with [Multipart]: parts in declaration order, streamed, never sent twice.</summary>
public sealed class MultipartTests
{
    public enum Kind
    {
        Plain,
        [System.Text.Json.Serialization.JsonStringEnumMemberName("extra_kind")]
        Extra,
    }

    public interface IUploadApi
    {
        [Multipart]
        [GrokEndpoint("POST", "uploads/{folder}")]
        Task<string> UploadAsync(
            string folder,
            [AliasAs("expires_after")] int? expiresAfter,
            Kind kind,
            string? note,
            ByteArrayPart bytes,
            FileInfoPart disk,
            Stream raw,
            StreamPart streamed,
            [Query] bool? replace,
            CancellationToken cancellationToken = default);

        [Multipart]
        [GrokEndpoint("POST", "uploads")]
        Task<string> UploadOneAsync(StreamPart file, CancellationToken cancellationToken = default);
    }

    [Fact]
    public async Task Every_parameter_is_one_part_in_declaration_order_with_file_names_and_types()
    {
        await using var server = await LoopbackServer.StartJsonAsync("\"ok\"");
        var api = TestClients.Create<IUploadApi>(server);
        var path = Path.Combine(Path.GetTempPath(), "grok-part-" + Guid.NewGuid().ToString("N") + ".txt");
        await File.WriteAllTextAsync(path, "from disk");
        try
        {
            await api.UploadAsync(
                "docs",
                3600,
                Kind.Extra,
                null,
                new ByteArrayPart(Encoding.UTF8.GetBytes("from bytes"), "a.bin", "application/x-a"),
                new FileInfoPart(new FileInfo(path), "b.txt", "text/plain"),
                new MemoryStream(Encoding.UTF8.GetBytes("from a stream")),
                new StreamPart(new MemoryStream(Encoding.UTF8.GetBytes("from a part")), "d.json", "application/json"),
                true);
        }
        finally
        {
            File.Delete(path);
        }

        var request = server.SingleRequest;
        Assert.Equal("/v1/uploads/docs", request.Path);
        Assert.Equal("?replace=true", request.Query);
        Assert.StartsWith("multipart/form-data; boundary=", request.ContentType);
        var body = request.Body;
        string[] order = ["name=expires_after", "name=kind", "name=bytes; filename=a.bin", "name=disk; filename=b.txt", "name=raw; filename=raw", "name=streamed; filename=d.json"];
        var positions = order.Select(p => body.IndexOf(p, StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p >= 0, body));
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain("name=note", body);
        Assert.Contains("extra_kind", body);
        Assert.Contains("Content-Type: application/x-a", body);
        Assert.Contains("from disk", body);
        Assert.Contains("from a stream", body);
        Assert.Contains("Content-Type: application/json\r\nContent-Disposition: form-data; name=streamed; filename=d.json", body);
    }

    [Fact]
    public async Task A_streamed_part_is_never_sent_twice_even_when_the_answer_would_be_retried()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        var api = TestClients.Create<IUploadApi>(server);

        var error = await Assert.ThrowsAsync<GrokApiException>(() => api.UploadOneAsync(new StreamPart(new MemoryStream(new byte[10_000]), "x.bin")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(server.Requests);
    }
}
