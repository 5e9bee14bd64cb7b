using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Grok.Batches;
using Grok.Chat;
using Grok.Files;
using Grok.Images;
using Grok.Models;
using Grok.Videos;

namespace Grok.Tests;

/// <summary>
/// The README's files, batches, images and videos, models and prompt-caching snippets, compiled and run against the
/// emulator. When a snippet in README.md changes, change it here (the last test checks its lines are still there).
/// </summary>
public sealed class ReadmeFilesBatchesSnippetTests : IAsyncLifetime
{
    private GrokEmulator _emulator = null!;
    private IGrokClient grok = null!;
    private string _directory = null!;

    public async Task InitializeAsync()
    {
        _emulator = await GrokEmulator.StartAsync(new GrokEmulatorOptions { BatchRequestsPerPoll = 10 });
        var options = _emulator.CreateClientOptions();
        options.DefaultModel = "grok-4.3";
        grok = GrokClient.Create<IGrokClient>(options);
        _directory = Path.Combine(Path.GetTempPath(), "grok-readme-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Files_snippet_runs()
    {
        var path = Path.Combine(_directory, "report.pdf");
        await File.WriteAllTextAsync(path, "%PDF-1.7");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("notes"));

        GrokFile file = await grok.UploadFileAsync(path, expiresAfter: TimeSpan.FromDays(7));
        GrokFile sameBytes = await grok.UploadFileAsync(stream, "notes.txt"); // any Stream, read as it is sent

        var seen = new List<string>();
        await foreach (GrokFile each in grok.ListAllFilesAsync())   // follows pagination_token for you
        {
            Console.WriteLine($"{each.Id} {each.FileName} {each.Bytes} bytes");
            seen.Add(each.FileName);
        }

        await using (Stream content = await grok.DownloadFileAsync(file.Id)) { /* read it as it arrives */ }
        FilePublicUrl url = await grok.CreateFilePublicUrlAsync(file.Id, new FilePublicUrlRequest { ExpiresAfter = 3600 });
        await grok.RevokeFilePublicUrlAsync(file.Id);
        await grok.DeleteFileAsync(file.Id);

        Assert.Equal(["notes.txt", "report.pdf"], seen);
        Assert.NotEmpty(url.PublicUrl);
        Assert.Equal("notes.txt", sameBytes.FileName);
    }

    [Fact]
    public async Task Batches_snippet_runs()
    {
        Batch batch = await grok.CreateBatchAsync("nightly questions");
        await grok.AddBatchRequestsAsync(batch.BatchId,
        [
            BatchRequest.Chat(new ChatCompletionRequest { Messages = [ChatMessage.User("What is 2+2?")] }, "q1"),
            BatchRequest.ImageGeneration(new ImageGenerationRequest { Prompt = "a red fox" }, "img1"),
        ]);

        Batch done = await grok.WaitForBatchAsync(batch.BatchId,
            progress: new Progress<Batch>(b => Console.WriteLine($"{b.State.NumSuccess}/{b.State.NumRequests}")),
            pollInterval: TimeSpan.FromMilliseconds(100));

        var lines = new List<string>();
        await foreach (BatchResult result in grok.GetAllBatchResultsAsync(batch.BatchId))
        {
            Console.WriteLine($"{result.BatchRequestId}: {result.ChatCompletion?.Content ?? result.Error}");
            lines.Add(result.BatchRequestId);
        }

        Assert.Equal(2, done.State.NumSuccess);
        Assert.Equal(["q1", "img1"], lines);
    }

    [Fact]
    public async Task Images_and_videos_snippet_runs()
    {
        ImageGenerationResponse edited = await grok.EditImageAsync(new ImageEditRequest
        {
            Prompt = "Put a hat on the cat",
            Image = ImageInput.FromUrl("https://example.com/cat.png"),   // or ImageInput.FromFile(fileId), up to 3 as Images
        });
        Console.WriteLine($"{edited.Data[0].Url} cost ${edited.Usage?.CostInUsd}");

        DeferredImage pending = await grok.StartDeferredImageGenerationAsync(new ImageGenerationRequest
        {
            Prompt = "a lighthouse at dusk", AspectRatio = ImageAspectRatios.Landscape16By9, Resolution = "2k",
        });
        DeferredImageResult images = await grok.WaitForDeferredImagesAsync(pending.RequestId, TimeSpan.FromMilliseconds(100));

        DeferredVideo video = await grok.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "A cat playing with a ball", Duration = 6 });
        VideoResult? maybe = await grok.GetVideoAsync(video.RequestId);      // null while xAI answers 202
        VideoResult finished = await grok.WaitForVideoAsync(video.RequestId, TimeSpan.FromMilliseconds(100));

        Assert.True(images.IsDone);
        Assert.Null(maybe);
        Assert.True(finished.IsDone);
    }

    [Fact]
    public async Task Models_and_chat_options_snippets_run()
    {
        var request = new ChatCompletionRequest { Messages = [ChatMessage.User("Hello")] };
        var hashedUserId = "3f2a";
        ChatCompletion completion = await grok.CreateChatCompletionAsync(request);

        LanguageModel model = await grok.GetLanguageModelAsync("grok-4.3");
        IReadOnlyList<string> efforts = model.Capabilities?.ReasoningEffort ?? [];   // never a fixed list: ask the model
        TokenPrices prices = TokenPrices.From(model);
        decimal estimate = prices.EstimateCostInUsd(promptTokens: 12_000, completionTokens: 800, cachedPromptTokens: 10_000);
        decimal afterTheFact = prices.EstimateCostInUsd(completion.Usage!);

        CallerIdentity me = await grok.GetMeAsync();   // user, team, ZDR status, the key (redacted)

        ChatCompletion cached = await grok.CreateChatCompletionAsync(request, conversationId: "conv-42"); // x-grok-conv-id
        var tiered = request with { PromptCacheKey = "conv-42", ServiceTier = "priority", SafetyIdentifier = hashedUserId };

        Assert.Contains("medium", efforts);
        Assert.Equal(((2_000 * 12_500m) + (10_000 * 2_000m) + (800 * 25_000m)) / 10_000_000_000m, estimate);
        Assert.True(afterTheFact > 0);
        Assert.NotNull(me.ApiKey);
        Assert.NotNull(cached.Content);
        Assert.Equal("conv-42", tiered.PromptCacheKey);
    }

    [Theory]
    [InlineData("GrokFile file = await grok.UploadFileAsync(\"report.pdf\", expiresAfter: TimeSpan.FromDays(7));")]
    [InlineData("await foreach (GrokFile each in grok.ListAllFilesAsync())   // follows pagination_token for you")]
    [InlineData("await using (Stream content = await grok.DownloadFileAsync(file.Id)) { /* read it as it arrives */ }")]
    [InlineData("    BatchRequest.Chat(new ChatCompletionRequest { Messages = [ChatMessage.User(\"What is 2+2?\")] }, \"q1\"),")]
    [InlineData("await foreach (BatchResult result in grok.GetAllBatchResultsAsync(batch.BatchId))")]
    [InlineData("    Image = ImageInput.FromUrl(\"https://example.com/cat.png\"),   // or ImageInput.FromFile(fileId), up to 3 as Images")]
    [InlineData("VideoResult? maybe = await grok.GetVideoAsync(video.RequestId);      // null while xAI answers 202")]
    [InlineData("decimal estimate = prices.EstimateCostInUsd(promptTokens: 12_000, completionTokens: 800, cachedPromptTokens: 10_000);")]
    [InlineData("ChatCompletion cached = await grok.CreateChatCompletionAsync(request, conversationId: \"conv-42\"); // x-grok-conv-id")]
    [InlineData("| Voice and realtime | speech, transcription, realtime sessions | not covered (out of scope) |")]
    public void Readme_still_shows_the_snippet_lines_tested_here(string line)
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));

        Assert.Contains(line, readme);
    }
}
