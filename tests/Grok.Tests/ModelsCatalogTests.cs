using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Grok.Chat;
using Grok.Models;

namespace Grok.Tests;

/// <summary>The model catalog (aliases, context length, prices, capabilities), cost estimates and <c>GET me</c>.</summary>
public sealed class ModelsCatalogTests : IAsyncLifetime
{
    private GrokEmulator _emulator = null!;
    private IGrokClient _grok = null!;

    public async Task InitializeAsync()
    {
        _emulator = await GrokEmulator.StartAsync();
        _grok = GrokClient.Create<IGrokClient>(_emulator.CreateClientOptions());
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Models_list_carries_aliases_context_length_prices_and_capabilities()
    {
        var models = await _grok.ListModelsAsync();

        var current = models.Data.Single(m => m.Id == "grok-4.5");
        Assert.Contains("grok-4.5-latest", current.Aliases!);
        Assert.Equal(256_000, current.ContextLength);
        Assert.Equal(20_000, current.PromptTextTokenPrice);
        Assert.Equal(128_000, current.LongContextThreshold);
        Assert.Equal(["low", "medium", "high", "xhigh"], current.Capabilities!.ReasoningEffort);
        Assert.Equal("high", current.Capabilities.DefaultReasoningEffort);

        var image = models.Data.Single(m => m.Id == "grok-imagine-image-2.0");
        Assert.Equal(4, image.Pricing!.Count);
        Assert.Contains(models.Data, m => m.Id == "grok-imagine-video");

        var byAlias = await _grok.GetLanguageModelAsync("grok-4.20");
        Assert.Equal("grok-4.20-0309-reasoning", byAlias.Id);
        Assert.NotNull(byAlias.Capabilities);
        Assert.Null((await _grok.GetLanguageModelAsync("grok-4.20-0309-non-reasoning")).Capabilities);
    }

    [Fact]
    public async Task Image_and_video_model_catalogs_are_typed()
    {
        var images = await _grok.ListImageGenerationModelsAsync();
        var videos = await _grok.ListVideoGenerationModelsAsync();

        Assert.Contains(images.Models, m => m.Id == "grok-imagine-image" && m.ImagePrice == 200_000_000);
        Assert.Equal(["grok-imagine-video", "grok-imagine-video-1.5"], videos.Models.Select(m => m.Id));
        Assert.Equal("grok-imagine-video", (await _grok.GetVideoGenerationModelAsync("grok-imagine-video-latest")).Id);
        var missing = await Assert.ThrowsAsync<GrokApiException>(() => _grok.GetVideoGenerationModelAsync("grok-99"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Cost_estimate_from_catalog_prices_matches_the_usage_arithmetic()
    {
        var model = await _grok.GetLanguageModelAsync("grok-4.5");
        var prices = TokenPrices.From(model);

        // 1000 prompt tokens of which 200 cached, 300 answer tokens and 100 reasoning tokens.
        var usage = new Usage
        {
            PromptTokens = 1000,
            CompletionTokens = 300,
            TotalTokens = 1400,
            PromptTokensDetails = new PromptTokensDetails { CachedTokens = 200 },
            CompletionTokensDetails = new CompletionTokensDetails { ReasoningTokens = 100 },
        };

        var ticks = prices.EstimateCostInUsdTicks(usage);

        Assert.Equal((800 * 20_000) + (200 * 2_000) + (400 * 80_000), ticks);
        Assert.Equal(ticks / 10_000_000_000m, prices.EstimateCostInUsd(usage));
        Assert.Equal(0.00484m, prices.EstimateCostInUsd(usage));
    }

    [Fact]
    public async Task Long_context_prices_apply_from_the_threshold()
    {
        var prices = TokenPrices.From((await _grok.ListModelsAsync()).Data.Single(m => m.Id == "grok-4.5"));

        Assert.Equal((127_999 * 20_000L) + (10 * 80_000L), prices.EstimateCostInUsdTicks(127_999, 10));
        Assert.Equal((128_000 * 40_000L) + (10 * 160_000L), prices.EstimateCostInUsdTicks(128_000, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => prices.EstimateCostInUsdTicks(10, 0, cachedPromptTokens: 11));
    }

    [Fact]
    public async Task Estimate_agrees_with_the_emulators_charge_for_a_real_call()
    {
        var completion = await _grok.CreateChatCompletionAsync(new ChatCompletionRequest { Model = "grok-4.3", Messages = [ChatMessage.User("How many legs has a spider?")] });
        var prices = TokenPrices.From(await _grok.GetLanguageModelAsync(completion.Model!));

        Assert.True(prices.EstimateCostInUsdTicks(completion.Usage!) > 0);
    }

    [Fact]
    public async Task Me_describes_the_caller_without_the_key()
    {
        var me = await _grok.GetMeAsync();

        Assert.False(string.IsNullOrEmpty(me.TeamId));
        Assert.Equal("no_zdr", me.ZdrStatus);
        Assert.NotNull(me.ApiKey);
        Assert.DoesNotContain(_emulator.ApiKey, me.ApiKey.RedactedApiKey);
    }

    [Fact]
    public async Task Chat_request_sends_prompt_cache_key_service_tier_and_safety_identifier_and_the_conversation_header()
    {
        var request = new ChatCompletionRequest
        {
            Messages = [ChatMessage.User("Hello")],
            PromptCacheKey = "conv-42",
            ServiceTier = "priority",
            SafetyIdentifier = "user-hash-1",
        };

        await _grok.CreateChatCompletionAsync(request, conversationId: "conv-42");
        await _grok.StreamChatCompletionAsync(request, "conv-43").ToChatCompletionAsync();

        var sent = _emulator.Requests.Where(r => r.Path == "/v1/chat/completions").ToArray();
        Assert.Equal("conv-42", sent[0].Headers["x-grok-conv-id"]);
        Assert.Equal("conv-43", sent[1].Headers["x-grok-conv-id"]);
        var body = JsonDocument.Parse(sent[0].Body).RootElement;
        Assert.Equal("conv-42", body.GetProperty("prompt_cache_key").GetString());
        Assert.Equal("priority", body.GetProperty("service_tier").GetString());
        Assert.Equal("user-hash-1", body.GetProperty("safety_identifier").GetString());
    }

    [Fact]
    public void Usage_reads_server_side_tool_usage_and_tools_are_capped_at_the_specs_350()
    {
        var usage = JsonSerializer.Deserialize("""{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2,"server_side_tool_usage_details":{"web_search_calls":2,"x_search_calls":1,"x_posts_fetched":7,"x_users_fetched":0,"code_interpreter_calls":0,"file_search_calls":0,"mcp_calls":0,"document_search_calls":0,"image_generation_calls":1}}""", GrokJsonContext.Default.Usage)!;
        Assert.Equal(2, usage.ServerSideToolUsageDetails!.WebSearchCalls);
        Assert.Equal(7, usage.ServerSideToolUsageDetails.XPostsFetched);

        var tools = Enumerable.Range(0, 200).Select(i => new Tool { Function = new FunctionDefinition { Name = "f" + i } }).ToList();
        new ChatCompletionRequest { Messages = [ChatMessage.User("x")], Tools = tools }.Validate();
        var tooMany = Enumerable.Range(0, 351).Select(i => new Tool { Function = new FunctionDefinition { Name = "f" + i } }).ToList();
        Assert.Throws<ArgumentException>(() => new ChatCompletionRequest { Messages = [ChatMessage.User("x")], Tools = tooMany }.Validate());
    }

    [Fact]
    public async Task ValidateRequests_false_leaves_the_limits_to_the_server()
    {
        var request = new ChatCompletionRequest { Messages = [ChatMessage.User("hi")], Temperature = 3 };
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _grok.CreateChatCompletionAsync(request));
        Assert.Empty(_emulator.Requests);

        var options = _emulator.CreateClientOptions();
        options.ValidateRequests = false;
        var unchecked_ = GrokClient.Create<IGrokClient>(options);

        var error = await Assert.ThrowsAsync<GrokApiException>(() => unchecked_.CreateChatCompletionAsync(request));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Single(_emulator.Requests);
    }
}
