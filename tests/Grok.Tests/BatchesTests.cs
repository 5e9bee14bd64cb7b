using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Grok.Batches;
using Grok.Chat;
using Grok.Images;

namespace Grok.Tests;

/// <summary>The Batch API through IGrokClient, end to end against the emulator's deterministic batches.</summary>
public sealed class BatchesTests : IAsyncLifetime
{
    private static readonly TimeSpan FastPoll = TimeSpan.FromMilliseconds(100);
    private GrokEmulator _emulator = null!;
    private IGrokClient _grok = null!;

    public async Task InitializeAsync()
    {
        _emulator = await GrokEmulator.StartAsync(new GrokEmulatorOptions { BatchRequestsPerPoll = 2 });
        var options = _emulator.CreateClientOptions();
        options.DefaultModel = "grok-4.3";
        _grok = GrokClient.Create<IGrokClient>(options);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Batch_is_created_filled_waited_for_and_read_back_as_chat_completions()
    {
        var batch = await _grok.CreateBatchAsync("questions");
        Assert.StartsWith("batch_", batch.BatchId);
        Assert.Equal(0, batch.State.NumRequests);

        var questions = new[] { "What is 2+2?", "Name a colour.", "Say hi.", "Count to three.", "Spell cat." };
        await _grok.AddBatchRequestsAsync(batch.BatchId, questions.Select((q, i) =>
            BatchRequest.Chat(new ChatCompletionRequest { Messages = [ChatMessage.User(q)] }, "q" + i)));

        var seen = new List<Batch>();
        var done = await _grok.WaitForBatchAsync(batch.BatchId, new SynchronousProgress<Batch>(seen.Add), FastPoll);

        Assert.True(done.IsDone);
        Assert.Equal(5, done.State.NumRequests);
        Assert.Equal(5, done.State.NumSuccess);
        Assert.Equal(0, done.State.NumPending);
        Assert.Equal([3, 1, 0], seen.Select(b => b.State.NumPending));

        var results = await _grok.GetAllBatchResultsAsync(batch.BatchId, pageSize: 2).ToListAsync();
        Assert.Equal(5, results.Count);
        foreach (var (question, i) in questions.Select((q, i) => (q, i)))
        {
            var result = results.Single(r => r.BatchRequestId == "q" + i);
            Assert.True(result.IsSuccess);
            Assert.Null(result.Error);
            Assert.Contains(question, result.ChatCompletion!.Content);
            Assert.Equal("grok-4.3", result.ChatCompletion.Model);
        }

        var sent = JsonDocument.Parse(_emulator.Requests.Single(r => r.Path.EndsWith("/requests", StringComparison.Ordinal)).Body).RootElement;
        Assert.Equal("grok-4.3", sent.GetProperty("batch_requests")[0].GetProperty("batch_request").GetProperty("chat_get_completion").GetProperty("model").GetString());
    }

    [Fact]
    public async Task Image_and_responses_requests_come_back_in_their_own_shapes_and_bad_ones_as_errors()
    {
        var batch = await _grok.CreateBatchAsync("mixed");
        using var responses = JsonDocument.Parse("""{"model":"grok-4.3","input":"Hello there"}""");
        await _grok.AddBatchRequestsAsync(batch.BatchId,
        [
            BatchRequest.ImageGeneration(new ImageGenerationRequest { Prompt = "a red fox", Model = "grok-imagine-image", N = 2 }, "image"),
            BatchRequest.Responses(responses.RootElement, "responses"),
            BatchRequest.Responses(JsonDocument.Parse("""{"model":"grok-4.3","input":""}""").RootElement, "empty"),
        ]);

        await _grok.WaitForBatchAsync(batch.BatchId, pollInterval: FastPoll);
        var results = await _grok.GetAllBatchResultsAsync(batch.BatchId).ToDictionaryAsync(r => r.BatchRequestId);

        Assert.Equal(2, results["image"].ImageGeneration!.Data.Count);
        Assert.Equal(2 * 2 * 100_000_000, results["image"].ImageGeneration!.Usage!.CostInUsdTicks);
        Assert.Equal("completed", results["responses"].Responses!.Value.GetProperty("status").GetString());
        Assert.False(results["empty"].IsSuccess);
        Assert.Contains("input", results["empty"].Error);

        var requests = await _grok.ListBatchRequestsAsync(batch.BatchId);
        Assert.Equal(["succeeded", "succeeded", "failed"], requests.BatchRequestMetadata.Select(r => r.State));
        Assert.Equal("/v1/images/generations", requests.BatchRequestMetadata[0].Endpoint);
    }

    [Fact]
    public async Task Typed_responses_requests_get_the_default_model_and_read_back_as_GrokResponse()
    {
        var batch = await _grok.CreateBatchAsync("responses");
        var request = new Grok.Responses.ResponseRequest { Input = "Hello there" };
        await _grok.AddBatchRequestsAsync(batch.BatchId, [BatchRequest.Responses(request, "r1")]);

        await _grok.WaitForBatchAsync(batch.BatchId, pollInterval: FastPoll);
        var result = Assert.Single(await _grok.GetAllBatchResultsAsync(batch.BatchId).ToListAsync());

        Assert.Equal("completed", result.Response!.Status);
        Assert.Contains("Hello there", result.Response.OutputText);
        var sent = JsonDocument.Parse(_emulator.Requests.Single(r => r.Path.EndsWith("/requests", StringComparison.Ordinal)).Body).RootElement;
        Assert.Equal("grok-4.3", sent.GetProperty("batch_requests")[0].GetProperty("batch_request").GetProperty("responses").GetProperty("model").GetString());
        Assert.Null(request.Model);
    }

    [Fact]
    public async Task Cancel_posts_to_the_colon_path_and_cancels_pending_requests()
    {
        var batch = await _grok.CreateBatchAsync("to cancel");
        await _grok.AddBatchRequestsAsync(batch.BatchId, Enumerable.Range(0, 4).Select(i => BatchRequest.Chat(new ChatCompletionRequest { Messages = [ChatMessage.User("q" + i)] })));
        await _grok.GetBatchAsync(batch.BatchId); // finishes two

        var cancelled = await _grok.CancelBatchAsync(batch.BatchId);

        Assert.Contains(_emulator.Requests, r => r.Method == "POST" && r.Path == "/v1/batches/" + batch.BatchId + ":cancel");
        Assert.NotNull(cancelled.CancelTime);
        Assert.Equal(2, cancelled.State.NumSuccess);
        Assert.Equal(2, cancelled.State.NumCancelled);
        Assert.True(cancelled.IsDone);
        Assert.Equal(2, (await _grok.GetAllBatchResultsAsync(batch.BatchId).ToListAsync()).Count);
    }

    [Fact]
    public async Task Batch_from_a_jsonl_input_file_runs_its_lines()
    {
        var lines = string.Join("\n", Enumerable.Range(0, 3).Select(i => JsonSerializer.Serialize(
            BatchRequest.Chat(new ChatCompletionRequest { Model = "grok-4.3", Messages = [ChatMessage.User("line " + i)] }, "l" + i),
            GrokJsonContext.Default.BatchRequest)));
        var file = await _grok.UploadFileAsync(new MemoryStream(Encoding.UTF8.GetBytes(lines)), "requests.jsonl");

        var batch = await _grok.CreateBatchAsync(new CreateBatchRequest { Name = "from file", InputFileId = file.Id });
        Assert.Equal(3, batch.State.NumRequests);
        var done = await _grok.WaitForBatchAsync(batch.BatchId, pollInterval: FastPoll);

        Assert.Equal(3, done.State.NumSuccess);
        var error = await Assert.ThrowsAsync<GrokApiException>(() => _grok.AddBatchRequestsAsync(batch.BatchId, [BatchRequest.Chat(new ChatCompletionRequest { Messages = [ChatMessage.User("late")] })]));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task Invalid_requests_are_refused_before_anything_is_sent()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _grok.AddBatchRequestsAsync("batch_x", [BatchRequest.Chat(new ChatCompletionRequest())]));
        await Assert.ThrowsAsync<ArgumentException>(() => _grok.AddBatchRequestsAsync("batch_x",
            [BatchRequest.Chat(new ChatCompletionRequest { Messages = [ChatMessage.User("a")] }, "same"), BatchRequest.Chat(new ChatCompletionRequest { Messages = [ChatMessage.User("b")] }, "same")]));
        await Assert.ThrowsAsync<ArgumentException>(() => _grok.AddBatchRequestsAsync("batch_x", []));
        Assert.Empty(_emulator.Requests);
    }

    [Fact]
    public async Task Wait_refuses_polling_faster_than_100_ms_and_honours_cancellation()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _grok.WaitForBatchAsync("batch_x", pollInterval: TimeSpan.FromMilliseconds(99)));

        var batch = await _grok.CreateBatchAsync("never filled");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _grok.WaitForBatchAsync(batch.BatchId, pollInterval: FastPoll, cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task Wait_gives_up_with_a_timeout_that_says_the_batch_keeps_running()
    {
        var batch = await _grok.CreateBatchAsync("empty");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => _grok.WaitForBatchAsync(batch.BatchId, pollInterval: FastPoll, timeout: TimeSpan.FromMilliseconds(350)));

        Assert.Contains(batch.BatchId, error.Message);
        Assert.Contains("CancelBatchAsync", error.Message);
    }

    [Fact]
    public async Task Batches_are_listed_page_by_page()
    {
        for (var i = 0; i < 3; i++)
        {
            await _grok.CreateBatchAsync("b" + i);
        }

        var all = await _grok.ListAllBatchesAsync(pageSize: 2).ToListAsync();
        Assert.Equal(["b2", "b1", "b0"], all.Select(b => b.Name));
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
