using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Grok.Batches;
using Grok.Chat;
using Grok.Embeddings;
using Grok.Files;
using Grok.Images;
using Grok.Models;
using Grok.Responses;
using Grok.Tokenize;
using Grok.Videos;

namespace Grok.Tests;

/// <summary>
/// Every public name ../shared/CONTRACT.md fixes, used the way the contract writes it. Outside checks compile against
/// these names: this file failing to compile is the test; the one fact below only keeps it in the run.
/// </summary>
public sealed class ContractNamesTests
{
    [Fact]
    public void The_contracts_public_names_compile_as_the_contract_writes_them()
    {
        Func<IGrokClient, CancellationToken, Task> uses = async (grok, ct) =>
        {
            ChatCompletion completion = await grok.CreateChatCompletionAsync(new ChatCompletionRequest
            {
                Model = "grok-4.3",
                Messages = [ChatMessage.System("s"), ChatMessage.User("u"), ChatMessage.Assistant("a")],
                Temperature = 0.5,
                MaxCompletionTokens = 10,
                ReasoningEffort = "low",
                StreamOptions = new StreamOptions { IncludeUsage = true },
            }, ct);
            _ = (completion.Id, completion.Model, completion.Choices[0].Message, completion.Choices[0].FinishReason, completion.Usage, completion.Citations, completion.SystemFingerprint);
            _ = (completion.Usage!.PromptTokens, completion.Usage.CompletionTokens, completion.Usage.TotalTokens, completion.Usage.PromptTokensDetails!.CachedTokens,
                completion.Usage.CompletionTokensDetails!.ReasoningTokens, completion.Usage.NumSourcesUsed, completion.Usage.CostInUsdTicks);
            ChatCompletion folded = await grok.StreamChatCompletionAsync(new ChatCompletionRequest(), ct).ToChatCompletionAsync();
            await foreach (ChatCompletionChunk chunk in grok.StreamChatCompletionAsync(new ChatCompletionRequest(), ct))
            {
                _ = (chunk.Id, chunk.Choices[0].Delta!.Content, chunk.Choices[0].Delta!.ReasoningContent, chunk.Choices[0].Delta!.ToolCalls, chunk.Choices[0].FinishReason, chunk.Usage, chunk.Citations);
            }

            ToolCall call = folded.Message!.ToolCalls![0];
            _ = (call.Id, call.Type, call.Function!.Name, call.Function.Arguments, folded.Message.Role, folded.Message.Content, folded.Message.ReasoningContent, folded.Message.ToolCallId);
            ModelList models = await grok.ListModelsAsync(ct);
            Model model = await grok.GetModelAsync("id", ct);
            _ = (models.Data, models.Object, model.Id, model.Created, model.Object, model.OwnedBy);
            _ = await grok.ListLanguageModelsAsync(ct);
            _ = await grok.ListEmbeddingModelsAsync(ct);
            _ = await grok.ListImageGenerationModelsAsync(ct);
            _ = await grok.GetApiKeyInfoAsync(ct);
            _ = await grok.CreateEmbeddingsAsync(new EmbeddingRequest(), ct);
            _ = await grok.TokenizeTextAsync(new TokenizeTextRequest(), ct);
            _ = await grok.GenerateImagesAsync(new ImageGenerationRequest(), ct);
            DeferredCompletion deferred = await grok.StartDeferredChatCompletionAsync(new ChatCompletionRequest(), ct);
            ChatCompletion? pending = await grok.GetDeferredChatCompletionAsync(deferred.RequestId, ct);

            GrokResponse response = await grok.CreateResponseAsync(new ResponseRequest
            {
                Model = "grok-4.3",
                Input = "hi",
                Instructions = "be brief",
                PreviousResponseId = "r",
                Store = false,
                MaxOutputTokens = 10,
                Temperature = 0.1,
                TopP = 0.9,
                Tools = [ResponseTool.WebSearch(), ResponseTool.XSearch(), ResponseTool.CodeInterpreter(), ResponseTool.FileSearch("c1", "c2"),
                    ResponseTool.Mcp("label", "https://mcp.example"), ResponseTool.Function("f", null, JsonDocument.Parse("{}").RootElement)],
                PromptCacheKey = "k",
            }, ct);
            ResponseRequest items = new() { Input = [ResponseInputItem.User("x"), ResponseInputItem.System("s"), ResponseInputItem.Developer("d"), ResponseInputItem.FunctionCallOutput("c", "o")] };
            _ = (items.Text, items.Reasoning, items.Include, items.ToolChoice);
            _ = (response.Id, response.Model, response.Status, response.Output, response.OutputText, response.Usage, response.PreviousResponseId, response.Error);
            ResponseItem item = response.Output[0];
            _ = (item.Type, item.Id);
            if (item is FunctionCallItem function)
            {
                _ = (function.CallId, function.Name, function.Arguments);
            }

            _ = item is ResponseMessageItem or ReasoningItem;
            ResponseUsage usage = response.Usage!;
            _ = (usage.InputTokens, usage.OutputTokens, usage.TotalTokens, usage.InputTokensDetails!.CachedTokens, usage.OutputTokensDetails!.ReasoningTokens, usage.CostInUsdTicks, usage.NumServerSideToolsUsed);
            await foreach (ResponseStreamEvent e in grok.StreamResponseAsync(new ResponseRequest(), ct))
            {
                _ = (e.Type, e.SequenceNumber, e.Delta, e.ItemId, e.OutputIndex, e.Item, e.Response);
            }

            GrokResponse foldedResponse = await grok.StreamResponseAsync(new ResponseRequest(), ct).ToResponseAsync();
            _ = await grok.GetResponseAsync("r", ct);
            await grok.DeleteResponseAsync("r", ct);

            GrokFileList files = await grok.ListFilesAsync(cancellationToken: ct);
            GrokFile file = await grok.UploadFileAsync(Stream.Null, "a.txt", TimeSpan.FromHours(1), ct);
            _ = (files.Data, files.PaginationToken, file.Id, file.Bytes, file.FileName, file.CreatedAt, file.ExpiresAt, file.Purpose);
            _ = await grok.GetFileAsync("f", ct);
            Stream content = await grok.DownloadFileAsync("f", ct);
            await grok.DeleteFileAsync("f", ct);
            Batch batch = await grok.GetBatchAsync("b", ct);
            _ = (batch.BatchId, batch.Name, batch.State!.NumRequests, batch.State.NumPending, batch.State.NumSuccess, batch.State.NumError, batch.State.NumCancelled);
            Batch cancelled = await grok.CancelBatchAsync("b", ct);
            _ = await grok.ListBatchesAsync(cancellationToken: ct);
            _ = await grok.ListBatchResultsAsync("b", cancellationToken: ct);
            _ = await grok.EditImageAsync(new ImageEditRequest(), ct);
            _ = await grok.GenerateVideoAsync(new VideoGenerationRequest(), ct);
            VideoResult? video = await grok.GetVideoAsync("v", ct);

            Microsoft.Extensions.AI.IChatClient chat = Microsoft.Extensions.AI.GrokAIExtensions.AsIChatClient(grok, "grok-4.3");
            Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>> embedder = Microsoft.Extensions.AI.GrokAIExtensions.AsIEmbeddingGenerator(grok);
            grok.Dispose();
        };

        var options = new GrokClientOptions { ApiKey = "k", BaseAddress = new Uri("https://api.x.ai/v1/"), DefaultModel = "grok-4.3", MaxRetries = 2, Timeout = TimeSpan.FromMinutes(60), StreamIdleTimeout = TimeSpan.FromMinutes(5), UseBuiltInResilience = true };
        Func<HttpClient, IGrokClient> withHttpClient = http => GrokClient.Create<IGrokClient>(http, options);
        var services = new ServiceCollection();
        Microsoft.Extensions.DependencyInjection.IHttpClientBuilder builder = services.AddGrokClient();
        _ = services.AddGrokClient<IGrokClient>(o => o.ApiKey = "k");
        _ = services.AddKeyedGrokClient("work", o => o.ApiKey = "k");
        Microsoft.Extensions.AI.ChatClientBuilder chatBuilder = services.AddGrokChatClient(o => o.ApiKey = "k", model: "grok-4.3", configureHttpClient: b => { });
        Func<GrokStreamException, string?> requestId = e => e.RequestId;
        Func<GrokApiException, (object, string?, string?, string?, string?)> apiError = e => (e.StatusCode, e.ErrorCode, e.ErrorMessage, e.RequestId, e.Content);
        var attribute = new GrokEndpointAttribute("POST", "responses") { Stream = true };

        Assert.NotNull(uses);
        Assert.Equal(("POST", "responses", true), (attribute.Method, attribute.Path, attribute.Stream));
        Assert.NotNull(GrokJsonContext.Default.Options);
    }
}
