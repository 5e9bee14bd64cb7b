using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Grok.Images;
using Grok.Videos;

namespace Grok.Tests;

/// <summary>Image edits, deferred images and videos through IGrokClient, against the emulator.</summary>
public sealed class ImagesVideosTests : IAsyncLifetime
{
    private static readonly TimeSpan FastPoll = TimeSpan.FromMilliseconds(100);
    private GrokEmulator _emulator = null!;
    private IGrokClient _grok = null!;

    public async Task InitializeAsync()
    {
        _emulator = await GrokEmulator.StartAsync(new GrokEmulatorOptions { DeferredPendingPolls = 2 });
        _grok = GrokClient.Create<IGrokClient>(_emulator.CreateClientOptions());
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Image_edit_by_url_and_by_file_id_returns_images_and_their_cost()
    {
        var byUrl = await _grok.EditImageAsync(new ImageEditRequest
        {
            Model = "grok-imagine-image",
            Prompt = "Add a hat to this cat",
            Image = ImageInput.FromUrl("https://example.com/cat.png"),
        });
        Assert.Single(byUrl.Data);
        Assert.StartsWith("https://", byUrl.Data[0].Url);
        Assert.Equal(2 * 2 * 100_000_000, byUrl.Usage!.CostInUsdTicks); // the input image and the output image
        Assert.Equal(0.04m, byUrl.Usage.CostInUsd);

        var file = await _grok.UploadFileAsync(new MemoryStream([137, 80, 78, 71]), "cat.png");
        var combined = await _grok.EditImageAsync(new ImageEditRequest
        {
            Prompt = "Put <IMAGE_0> next to <IMAGE_1>",
            Images = [ImageInput.FromFile(file.Id), ImageInput.FromUrl("https://example.com/dog.png")],
            AspectRatio = ImageAspectRatios.Landscape16By9,
            N = 2,
        });
        Assert.Equal(2, combined.Data.Count);

        var sent = JsonDocument.Parse(_emulator.Requests.Last(r => r.Path == "/v1/images/edits").Body).RootElement;
        Assert.Equal(file.Id, sent.GetProperty("images")[0].GetProperty("file_id").GetString());
        Assert.Equal("16:9", sent.GetProperty("aspect_ratio").GetString());
        Assert.False(sent.TryGetProperty("image", out _));
    }

    [Fact]
    public async Task Image_edit_limits_are_checked_before_sending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _grok.EditImageAsync(new ImageEditRequest { Prompt = "x" }));
        await Assert.ThrowsAsync<ArgumentException>(() => _grok.EditImageAsync(new ImageEditRequest
        {
            Prompt = "x",
            Images = Enumerable.Range(0, ImageEditRequest.MaxInputImages + 1).Select(i => ImageInput.FromUrl("https://example.com/" + i + ".png")).ToList(),
        }));
        await Assert.ThrowsAsync<ArgumentException>(() => _grok.EditImageAsync(new ImageEditRequest { Prompt = "x", Image = new ImageInput() }));
        Assert.Empty(_emulator.Requests);
    }

    [Fact]
    public async Task Deferred_image_is_null_while_pending_then_done()
    {
        var request = new ImageGenerationRequest { Prompt = "a lighthouse at dusk", Model = "grok-imagine-image", N = 2, AspectRatio = "3:2", Resolution = "2k" };
        var started = await _grok.StartDeferredImageGenerationAsync(request);

        Assert.Null(request.Deferred);
        Assert.Null(await _grok.GetDeferredImagesAsync(started.RequestId));
        Assert.Null(await _grok.GetDeferredImagesAsync(started.RequestId));
        var result = await _grok.GetDeferredImagesAsync(started.RequestId);

        Assert.NotNull(result);
        Assert.True(result.IsDone);
        Assert.Equal(started.RequestId, result.RequestId);
        Assert.Equal(2, result.Data!.Count);
        Assert.True(result.Usage!.CostInUsdTicks > 0);
        var sent = JsonDocument.Parse(_emulator.Requests.First(r => r.Path == "/v1/images/generations").Body).RootElement;
        Assert.True(sent.GetProperty("deferred").GetBoolean());
        Assert.Equal("2k", sent.GetProperty("resolution").GetString());
    }

    [Fact]
    public async Task Deferred_image_edit_is_waited_for()
    {
        var started = await _grok.StartDeferredImageEditAsync(new ImageEditRequest { Prompt = "make it night", Image = ImageInput.FromUrl("https://example.com/day.png") });

        var result = await _grok.WaitForDeferredImagesAsync(started.RequestId, FastPoll);

        Assert.Equal("done", result.Status);
        Assert.Single(result.Data!);
        Assert.Equal(3, _emulator.Requests.Count(r => r.Path == "/v1/images/" + started.RequestId));
    }

    [Fact]
    public async Task Unknown_deferred_image_is_404()
    {
        var error = await Assert.ThrowsAsync<GrokApiException>(() => _grok.GetDeferredImagesAsync("nope"));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task B64_image_is_saved_to_a_file()
    {
        var answer = await _grok.GenerateImagesAsync(new ImageGenerationRequest { Prompt = "a dot", ResponseFormat = "b64_json" });
        var path = Path.Combine(Path.GetTempPath(), "grok-image-" + Guid.NewGuid().ToString("N") + ".png");
        try
        {
            var written = await answer.Data[0].SaveAsync(path);

            var bytes = await File.ReadAllBytesAsync(path);
            Assert.Equal(bytes.Length, written);
            Assert.Equal(answer.Data[0].GetBytes(), bytes);
            Assert.Equal([137, 80, 78, 71], bytes.Take(4).Select(b => (int)b));
        }
        finally
        {
            File.Delete(path);
        }

        var urlOnly = new GeneratedImage { Url = "https://example.com/x.png" };
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => urlOnly.SaveAsync(path));
        Assert.Contains("b64_json", error.Message);
    }

    [Fact]
    public async Task Video_is_null_while_pending_then_done_with_its_cost()
    {
        var started = await _grok.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "A cat playing with a ball", Model = "grok-imagine-video", Duration = 6 });

        Assert.Null(await _grok.GetVideoAsync(started.RequestId));
        Assert.Null(await _grok.GetVideoAsync(started.RequestId));
        var video = await _grok.GetVideoAsync(started.RequestId);

        Assert.NotNull(video);
        Assert.True(video.IsDone);
        Assert.Equal(6, video.Video!.Duration);
        Assert.EndsWith(".mp4", video.Video.Url);
        Assert.Equal(100, video.Progress);
        Assert.Equal(6 * 5 * 100_000_000L, video.Usage!.CostInUsdTicks);
    }

    [Fact]
    public async Task Video_edit_and_extension_are_waited_for_and_a_failure_is_a_result_not_an_exception()
    {
        var edit = await _grok.EditVideoAsync(new VideoEditRequest { Prompt = "Add snow", Video = VideoInput.FromUrl("https://example.com/v.mp4") });
        var extension = await _grok.ExtendVideoAsync(new VideoExtensionRequest { Prompt = "Zoom out [fail]", Video = VideoInput.FromUrl("https://example.com/v.mp4"), Duration = 4 });

        var edited = await _grok.WaitForVideoAsync(edit.RequestId, FastPoll);
        var failed = await _grok.WaitForVideoAsync(extension.RequestId, FastPoll);

        Assert.Equal("done", edited.Status);
        Assert.Equal("failed", failed.Status);
        Assert.Equal("invalid_argument", failed.Error!.Code);
        Assert.Null(failed.Video);
    }

    [Fact]
    public async Task Video_limits_are_checked_before_sending_and_waits_are_bounded()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _grok.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "x", Duration = 16 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _grok.ExtendVideoAsync(new VideoExtensionRequest { Prompt = "x", Video = VideoInput.FromUrl("https://e/v.mp4"), Duration = 11 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _grok.WaitForVideoAsync("id", TimeSpan.FromMilliseconds(50)));
        Assert.Empty(_emulator.Requests);

        var started = await _grok.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "slow" });
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _grok.WaitForVideoAsync(started.RequestId, FastPoll, cancellationToken: cancel.Token));
    }
}
