using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Grok.Chat;
using Grok.Embeddings;
using Grok.Images;
using Grok.Tokenize;

namespace Grok.Tests;

/// <summary>IGrokClient end to end against the emulator: the server every xAI-shaped behaviour test talks to.</summary>
public sealed class EmulatorClientTests : IAsyncLifetime
{
    private GrokEmulator _emulator = null!;
    private IGrokClient _grok = null!;

    public async Task InitializeAsync()
    {
        _emulator = await GrokEmulator.StartAsync();
        _grok = GrokClient.Create<IGrokClient>(_emulator.CreateClientOptions());
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Streamed_answer_folds_to_the_plain_answer_with_either_usage_style(bool includeUsage)
    {
        var request = new ChatCompletionRequest
        {
            Model = "grok-4-fast",
            Messages = [ChatMessage.System("Be brief."), ChatMessage.User("Why is the sky blue?")],
            StreamOptions = includeUsage ? new StreamOptions { IncludeUsage = true } : null,
        };

        var plain = await _grok.CreateChatCompletionAsync(request);
        var streamed = await _grok.StreamChatCompletionAsync(request).ToChatCompletionAsync();

        Assert.Equal(plain.Content, streamed.Content);
        Assert.Contains("Why is the sky blue?", streamed.Content);
        Assert.Equal(plain.Model, streamed.Model);
        Assert.Equal(plain.Choices[0].FinishReason, streamed.Choices[0].FinishReason);
        Assert.Equal(plain.Usage!.TotalTokens, streamed.Usage!.TotalTokens);
        Assert.Equal(plain.Usage.CompletionTokens, streamed.Usage.CompletionTokens);
        Assert.Equal(plain.Usage.CostInUsdTicks, streamed.Usage.CostInUsdTicks);
    }

    [Fact]
    public async Task Tool_call_comes_through_plain_and_streamed_and_the_tool_result_is_answered()
    {
        var weather = GrokSchema.FunctionTool<WeatherArguments>("weather", "Get the weather for a location");
        var request = new ChatCompletionRequest { Messages = [ChatMessage.User("Weather in Florence?")], Tools = [weather], ToolChoice = ToolChoice.Auto };

        var plain = await _grok.CreateChatCompletionAsync(request);
        var streamed = await _grok.StreamChatCompletionAsync(request).ToChatCompletionAsync();

        foreach (var completion in new[] { plain, streamed })
        {
            Assert.Equal("tool_calls", completion.Choices[0].FinishReason);
            var call = Assert.Single(completion.Message!.ToolCalls!);
            Assert.Equal("weather", call.Function!.Name);
            Assert.NotNull(call.GetArguments<WeatherArguments>().Location);
        }

        var toolCall = plain.Message!.ToolCalls![0];
        var followUp = await _grok.CreateChatCompletionAsync(request with
        {
            Messages = [.. request.Messages, plain.Message, ChatMessage.Tool(toolCall.Id!, "40 C")],
        });
        Assert.Contains("40 C", followUp.Content);
        Assert.Equal("stop", followUp.Choices[0].FinishReason);
    }

    [Fact]
    public async Task Reasoning_content_arrives_plain_and_streamed()
    {
        var request = new ChatCompletionRequest { Model = "grok-3-mini", ReasoningEffort = "high", Messages = [ChatMessage.User("2+2?")] };

        var plain = await _grok.CreateChatCompletionAsync(request);
        var streamed = await _grok.StreamChatCompletionAsync(request with { StreamOptions = new StreamOptions { IncludeUsage = true } }).ToChatCompletionAsync();

        Assert.False(string.IsNullOrEmpty(plain.Message!.ReasoningContent));
        Assert.Equal(plain.Message.ReasoningContent, streamed.Message!.ReasoningContent);
        Assert.True(streamed.Usage!.CompletionTokensDetails!.ReasoningTokens > 0);
    }

    [Fact]
    public async Task Structured_output_from_a_CSharp_type_reads_back_as_that_type()
    {
        var city = await _grok.CreateStructuredCompletionAsync<City>(new ChatCompletionRequest
        {
            Messages = [ChatMessage.User("The largest city in Italy")],
        });

        Assert.False(string.IsNullOrEmpty(city.Name));
        Assert.False(string.IsNullOrEmpty(city.Country));
        var sent = JsonNode.Parse(_emulator.Requests[^1].Body)!["response_format"]!;
        Assert.Equal("json_schema", (string?)sent["type"]);
        Assert.Equal("City", (string?)sent["json_schema"]!["name"]);
        Assert.Equal("object", (string?)sent["json_schema"]!["schema"]!["type"]);
    }

    [Fact]
    public async Task Deferred_completion_is_pending_then_ready_then_gone()
    {
        var request = new ChatCompletionRequest { Messages = [ChatMessage.User("Later, please")] };

        var deferred = await _grok.StartDeferredChatCompletionAsync(request);
        Assert.Null(request.Deferred);
        Assert.True(JsonNode.Parse(_emulator.Requests[^1].Body)!["deferred"]!.GetValue<bool>());
        Assert.Null(await _grok.GetDeferredChatCompletionAsync(deferred.RequestId));
        var ready = await _grok.GetDeferredChatCompletionAsync(deferred.RequestId);
        var gone = await Assert.ThrowsAsync<GrokApiException>(() => _grok.GetDeferredChatCompletionAsync(deferred.RequestId));

        Assert.Contains("Later, please", ready!.Content);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Waiting_for_a_deferred_completion_polls_until_ready()
    {
        var completion = await _grok.CreateDeferredChatCompletionAsync(
            new ChatCompletionRequest { Messages = [ChatMessage.User("Poll me")] },
            pollInterval: TimeSpan.FromMilliseconds(100));

        Assert.Contains("Poll me", completion.Content);
        Assert.Equal(2, _emulator.Requests.Count(r => r.Path.Contains("deferred-completion", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Waiting_for_a_deferred_completion_gives_up_with_a_clear_TimeoutException_and_honours_cancellation()
    {
        await using var slow = await GrokEmulator.StartAsync(new GrokEmulatorOptions { DeferredPendingPolls = 1000 });
        var grok = GrokClient.Create<IGrokClient>(slow.CreateClientOptions());
        var deferred = await grok.StartDeferredChatCompletionAsync(new ChatCompletionRequest { Messages = [ChatMessage.User("x")] });

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() =>
            grok.WaitForDeferredChatCompletionAsync(deferred.RequestId, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(350)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            grok.WaitForDeferredChatCompletionAsync(deferred.RequestId, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1), cts.Token));

        Assert.Contains(deferred.RequestId, timeout.Message);
        Assert.Contains("GetDeferredChatCompletionAsync", timeout.Message);
    }

    [Fact]
    public async Task Model_lists_and_lookups_parse()
    {
        var models = await _grok.ListModelsAsync();
        var model = await _grok.GetModelAsync("grok-4-0709");
        var language = await _grok.ListLanguageModelsAsync();
        var aliased = await _grok.GetLanguageModelAsync("grok-4");
        var embedding = await _grok.ListEmbeddingModelsAsync();
        var images = await _grok.ListImageGenerationModelsAsync();
        var missing = await Assert.ThrowsAsync<GrokApiException>(() => _grok.GetModelAsync("no-such-model"));

        Assert.Equal("list", models.Object);
        Assert.Contains(models.Data, m => m.Id == "grok-4-0709" && m.OwnedBy is not null);
        Assert.Equal("grok-4-0709", model.Id);
        Assert.Contains(language.Models, m => m.PromptTextTokenPrice > 0 && m.InputModalities!.Contains("text"));
        Assert.Equal("grok-4-0709", aliased.Id);
        Assert.NotEmpty(embedding.Models);
        Assert.NotEmpty(images.Models);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.NotNull(missing.ErrorMessage);
    }

    [Fact]
    public async Task Api_key_info_never_contains_the_key()
    {
        var info = await _grok.GetApiKeyInfoAsync();

        Assert.NotNull(info.RedactedApiKey);
        Assert.DoesNotContain(_emulator.ApiKey, info.RedactedApiKey);
        Assert.False(info.ApiKeyBlocked);
    }

    [Fact]
    public async Task Embeddings_as_floats_and_as_base64_are_the_same_vectors()
    {
        var request = new EmbeddingRequest { Model = "grok-embedding-small", Input = ["first", "second"] };

        var floats = await _grok.CreateEmbeddingsAsync(request);
        var base64 = await _grok.CreateEmbeddingsAsync(request with { EncodingFormat = "base64" });

        Assert.Equal(2, floats.Data.Count);
        Assert.Equal(floats.Data[0].Vector, base64.Data[0].Vector);
        Assert.NotEqual(floats.Data[0].Vector, floats.Data[1].Vector);
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _grok.CreateEmbeddingsAsync(new EmbeddingRequest { Input = Enumerable.Repeat("x", 129).ToList() }));
    }

    [Fact]
    public async Task Tokenize_and_image_generation_work()
    {
        var tokens = await _grok.TokenizeTextAsync(new TokenizeTextRequest { Text = "hello grok world" });
        var images = await _grok.GenerateImagesAsync(new ImageGenerationRequest { Prompt = "a cat", N = 2, ResponseFormat = "b64_json" });

        Assert.Equal(3, tokens.TokenIds.Count);
        Assert.Equal("grok-4.3", JsonNode.Parse(_emulator.Requests[^2].Body)!["model"]!.GetValue<string>()); // default model filled in
        Assert.Equal(2, images.Data.Count);
        Assert.All(images.Data, image => Assert.NotEmpty(Convert.FromBase64String(image.B64Json!)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _grok.GenerateImagesAsync(new ImageGenerationRequest { Prompt = "x", N = 11 }));
    }

    [Fact]
    public async Task Raw_SendAsync_reaches_untyped_endpoints_with_the_same_key_and_errors()
    {
        var models = await _grok.SendAsync(HttpMethod.Get, "language-models");
        var chat = await _grok.SendAsync(HttpMethod.Post, "/chat/completions", new JsonObject
        {
            ["model"] = "grok-4",
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "raw" }),
        });
        var error = await Assert.ThrowsAsync<GrokApiException>(() => _grok.SendAsync(HttpMethod.Get, "no/such/endpoint"));

        Assert.NotEmpty(models!["models"]!.AsArray());
        Assert.Contains("raw", (string?)chat!["choices"]![0]!["message"]!["content"]);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task ChatAsync_returns_the_answer_text()
    {
        Assert.Equal("You said: hi there", await _grok.ChatAsync("hi there"));
    }

    [Fact]
    public async Task Wrong_key_is_a_401_GrokApiException_that_never_shows_the_key()
    {
        var options = _emulator.CreateClientOptions();
        options.ApiKey = "xai-wrong-key-123456";
        var grok = GrokClient.Create<IGrokClient>(options);

        var error = await Assert.ThrowsAsync<GrokApiException>(() => grok.ChatAsync("hi"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("Incorrect API key", error.ErrorMessage);
        Assert.DoesNotContain("xai-wrong-key-123456", error.ToString());
        Assert.Single(_emulator.Requests); // 401 is not retried
    }

    [Fact]
    public async Task Injected_rate_limit_is_retried_and_the_call_succeeds()
    {
        _emulator.Enqueue(EmulatorResponse.RateLimited(TimeSpan.FromMilliseconds(10)));
        _emulator.Enqueue(EmulatorResponse.ServerError(503));

        Assert.Equal("You said: again", await _grok.ChatAsync("again"));
        Assert.Equal(3, _emulator.Requests.Count);
        Assert.Equal(0, _emulator.PendingFaults);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Injected_stream_cut_after_chunks_throws_GrokStreamException(bool endCleanly)
    {
        _emulator.Enqueue(EmulatorResponse.CutStream(3, endCleanly));
        var received = 0;

        var error = await Assert.ThrowsAsync<GrokStreamException>(async () =>
        {
            await foreach (var chunk in _grok.StreamChatCompletionAsync(new ChatCompletionRequest { Messages = [ChatMessage.User("one two three four five")] }))
            {
                received++;
            }
        });

        Assert.Equal(3, received);
        Assert.Equal(3, error.EventsReceived);
        Assert.Single(_emulator.Requests); // never retried after events reached the caller
    }

    [Fact]
    public async Task Recorded_stream_replayed_by_the_emulator_folds_like_the_recording()
    {
        var exchange = Recordings.Get("grok-4-fast/chat-multi-tool-streaming#0");
        _emulator.Enqueue(EmulatorResponse.Replay(exchange.ResponseBody));
        var request = JsonSerializer.Deserialize(exchange.RequestBody, GrokJsonContext.Default.ChatCompletionRequest)!;

        var completion = await _grok.StreamChatCompletionAsync(request).ToChatCompletionAsync();

        Assert.Equal(["add", "multiply"], completion.Message!.ToolCalls!.Select(t => t.Function!.Name));
        Assert.Equal(1_654_500, completion.Usage!.CostInUsdTicks);
        Assert.Equal("tool_calls", completion.Choices[0].FinishReason);
    }

    public sealed record City(string Name, string Country, int Population);

    /// <summary>A user interface of IGrokClient-like shape, for DI tests.</summary>
    public interface IUserApi
    {
        [GrokEndpoint("POST", "chat/completions")]
        Task<ChatCompletion> AskAsync(ChatCompletionRequest request, CancellationToken cancellationToken = default);
    }

    public sealed class WeatherArguments
    {
        public required string Location { get; init; }
    }
}
