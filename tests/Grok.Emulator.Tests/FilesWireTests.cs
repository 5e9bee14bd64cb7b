using System.IO;
using System.Net.Http.Headers;

namespace Grok.Emulator.Tests;

/// <summary>The emulator's Files API on the wire: multipart as xAI reads it, caps, listing.</summary>
public sealed class FilesWireTests
{
    private static MultipartFormDataContent Form(params (string Name, HttpContent Content, string? FileName)[] parts)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content, fileName) in parts)
        {
            if (fileName is null)
            {
                form.Add(content, name);
            }
            else
            {
                form.Add(content, name, fileName);
            }
        }

        return form;
    }

    [Fact]
    public async Task Upload_then_download_returns_the_same_bytes_as_octet_stream()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();

        using var upload = await client.PostAsync("files", Form(("expires_after", new StringContent("3600"), null), ("file", new ByteArrayContent(bytes), "data.bin")));
        var file = await Wire.JsonAsync(upload);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(bytes.Length, file.GetProperty("bytes").GetInt64());
        Assert.Equal("file", file.GetProperty("object").GetString());
        Assert.Equal(file.GetProperty("created_at").GetInt64() + 3600, file.GetProperty("expires_at").GetInt64());

        using var download = await client.GetAsync("files/" + file.GetProperty("id").GetString() + "/content");
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Expires_after_after_the_file_part_is_400_and_nothing_is_stored()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);

        using var response = await client.PostAsync("files", Form(("file", new ByteArrayContent([1, 2, 3]), "a.bin"), ("expires_after", new StringContent("3600"), null)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("before the file part", Wire.AssertXaiError(await Wire.JsonAsync(response)));
        Assert.Equal(0, (await Wire.GetJsonAsync(client, "files")).GetProperty("data").GetArrayLength());
    }

    [Theory]
    [InlineData("3599")]
    [InlineData("2592001")]
    [InlineData("soon")]
    public async Task Expires_after_outside_the_documented_range_is_400(string value)
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);

        using var response = await client.PostAsync("files", Form(("expires_after", new StringContent(value), null), ("file", new ByteArrayContent([1]), "a.bin")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Missing_or_unnamed_file_part_is_400()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);

        using var none = await client.PostAsync("files", Form(("purpose", new StringContent("assistants"), null)));
        using var unnamed = await client.PostAsync("files", Form(("file", new ByteArrayContent([1]), null)));
        using var json = await Wire.PostAsync(client, "files", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
    }

    [Fact]
    public async Task File_over_the_configured_size_is_413()
    {
        await using var emulator = await GrokEmulator.StartAsync(new GrokEmulatorOptions { MaxFileBytes = 1000 });
        using var client = Wire.Client(emulator);

        using var ok = await client.PostAsync("files", Form(("file", new ByteArrayContent(new byte[1000]), "fits.bin")));
        using var tooBig = await client.PostAsync("files", Form(("file", new ByteArrayContent(new byte[1001]), "big.bin")));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Wire.AssertXaiError(await Wire.JsonAsync(tooBig));
    }

    [Fact]
    public async Task Files_kept_on_disk_are_deleted_with_the_file()
    {
        var directory = Path.Combine(Path.GetTempPath(), "grok-emulator-files-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            await using (var emulator = await GrokEmulator.StartAsync(new GrokEmulatorOptions { FileStorageDirectory = directory }))
            {
                using var client = Wire.Client(emulator);
                using var upload = await client.PostAsync("files", Form(("file", new ByteArrayContent(new byte[5000]), "disk.bin")));
                var id = (await Wire.JsonAsync(upload)).GetProperty("id").GetString();
                Assert.Single(Directory.GetFiles(directory, "*", SearchOption.AllDirectories));

                using var deleted = await client.DeleteAsync("files/" + id);
                Assert.True((await Wire.JsonAsync(deleted)).GetProperty("deleted").GetBoolean());
                Assert.Empty(Directory.GetFiles(directory, "*", SearchOption.AllDirectories));
                using var gone = await client.GetAsync("files/" + id + "/content");
                Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            }

            Assert.Empty(Directory.GetDirectories(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task List_pages_with_the_last_id_as_token_and_sorts_as_asked()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        foreach (var (name, size) in new[] { ("b.txt", 3), ("a.txt", 1), ("c.txt", 2) })
        {
            using var _ = await client.PostAsync("files", Form(("file", new ByteArrayContent(new byte[size]), name)));
        }

        var first = await Wire.GetJsonAsync(client, "files?limit=2&order=asc&sort_by=filename");
        var names = first.GetProperty("data").EnumerateArray().Select(f => f.GetProperty("filename").GetString()!).ToArray();
        Assert.Equal(["a.txt", "b.txt"], names);
        var token = first.GetProperty("pagination_token").GetString();
        Assert.Equal(first.GetProperty("data")[1].GetProperty("id").GetString(), token);

        var second = await Wire.GetJsonAsync(client, "files?limit=2&order=asc&sort_by=filename&pagination_token=" + token);
        Assert.Equal("c.txt", second.GetProperty("data").EnumerateArray().Single().GetProperty("filename").GetString());

        var bySize = await Wire.GetJsonAsync(client, "files?sort_by=size");
        Assert.Equal([3L, 2L, 1L], bySize.GetProperty("data").EnumerateArray().Select(f => f.GetProperty("bytes").GetInt64()));
        await Wire.GetJsonAsync(client, "files?limit=0", HttpStatusCode.BadRequest);
    }
}
