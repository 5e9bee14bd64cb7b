using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Grok.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Grok.Tests;

/// <summary>Microsoft.Extensions.AI adapters and dependency injection, against the emulator.</summary>
public sealed class EcosystemTests : IAsyncLifetime
{
    private GrokEmulator _emulator = null!;
    private IGrokClient _grok = null!;

    public async Task InitializeAsync()
    {
        _emulator = await GrokEmulator.StartAsync();
        _grok = GrokClient.Create<IGrokClient>(_emulator.CreateClientOptions());
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private string LastModel => (string)JsonNode.Parse(_emulator.Requests[^1].Body)!["model"]!;

    [Fact]
    public async Task Chat_client_answers_with_text_usage_and_cost()
    {
        IChatClient chat = _grok.AsIChatClient("grok-4-fast");

        var response = await chat.GetResponseAsync([new AIChatMessage(ChatRole.System, "Be brief."), new AIChatMessage(ChatRole.User, "Why is the sky blue?")]);

        Assert.Equal("You said: Why is the sky blue?", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.True(response.Usage!.TotalTokenCount > 0);
        Assert.True(response.Usage.AdditionalCounts!["cost_in_usd_ticks"] > 0);
        Assert.Equal("grok-4-fast", LastModel);
        Assert.IsType<Grok.Responses.GrokResponse>(response.RawRepresentation);
    }

    [Fact]
    public async Task ChatOptions_ModelId_overrides_the_adapter_model_and_with_neither_the_default_model_is_used()
    {
        await _grok.AsIChatClient("grok-4-fast").GetResponseAsync("hi", new ChatOptions { ModelId = "grok-3-mini" });
        Assert.Equal("grok-3-mini", LastModel);

        await _grok.AsIChatClient().GetResponseAsync("hi");
        Assert.Equal("grok-4.3", LastModel);
    }

    [Fact]
    public async Task Streaming_updates_fold_to_the_plain_response_with_usage_counted_once()
    {
        IChatClient chat = _grok.AsIChatClient();

        var plain = await chat.GetResponseAsync("one two three");
        var streamed = await chat.GetStreamingResponseAsync("one two three").ToChatResponseAsync();

        Assert.Equal(plain.Text, streamed.Text);
        Assert.Equal(plain.Usage!.TotalTokenCount, streamed.Usage!.TotalTokenCount);
        Assert.Equal(ChatFinishReason.Stop, streamed.FinishReason);
    }

    [Fact]
    public async Task Function_invocation_middleware_calls_the_tool_and_answers_with_its_result()
    {
        var calls = new List<string>();
        var weather = AIFunctionFactory.Create(
            ([Description("the city")] string location) =>
            {
                calls.Add(location);
                return "40 C";
            },
            "weather",
            "Get the weather for a location");
        IChatClient chat = new ChatClientBuilder(_grok.AsIChatClient()).UseFunctionInvocation().Build();

        var response = await chat.GetResponseAsync("What's the weather in Florence?", new ChatOptions { Tools = [weather] });

        Assert.Single(calls);
        Assert.Contains("40 C", response.Text);
        // The answer was stored, so the second turn sends only the function's result and continues the stored response.
        var second = JsonNode.Parse(_emulator.Requests[^1].Body)!;
        var output = Assert.Single(second["input"]!.AsArray())!;
        Assert.Equal("function_call_output", (string?)output["type"]);
        Assert.Equal("40 C", (string?)output["output"]);
        Assert.False(string.IsNullOrEmpty((string?)second["previous_response_id"]));
    }

    [Fact]
    public async Task Streaming_tool_call_arrives_whole_as_a_FunctionCallContent()
    {
        var weather = AIFunctionFactory.Create((string location) => "40 C", "weather");

        var updates = await _grok.AsIChatClient().GetStreamingResponseAsync("Weather?", new ChatOptions { Tools = [weather], ToolMode = ChatToolMode.RequireAny }).ToListAsync();

        var call = Assert.Single(updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>());
        Assert.Equal("weather", call.Name);
        Assert.True(call.Arguments!.ContainsKey("location"));
        Assert.Equal("required", (string?)JsonNode.Parse(_emulator.Requests[^1].Body)!["tool_choice"]);
    }

    [Fact]
    public async Task Structured_output_through_Microsoft_Extensions_AI()
    {
        var response = await _grok.AsIChatClient().GetResponseAsync<City>("The largest city in Italy");

        Assert.False(string.IsNullOrEmpty(response.Result.Name));
        Assert.Equal("json_schema", (string?)JsonNode.Parse(_emulator.Requests[^1].Body)!["text"]!["format"]!["type"]);
    }

    [Fact]
    public async Task Reasoning_comes_back_as_TextReasoningContent()
    {
        var response = await _grok.AsIChatClient("grok-3-mini").GetResponseAsync(
            "2+2?",
            new ChatOptions { Reasoning = new ReasoningOptions { Effort = ReasoningEffort.High } });

        Assert.Contains(response.Messages[0].Contents, c => c is TextReasoningContent { Text.Length: > 0 });
        Assert.Equal("high", (string?)JsonNode.Parse(_emulator.Requests[^1].Body)!["reasoning"]!["effort"]);
        Assert.True(response.Usage!.ReasoningTokenCount > 0);
    }

    [Fact]
    public async Task Chat_client_metadata_names_xai_and_the_base_address()
    {
        var metadata = _grok.AsIChatClient("grok-4").GetService<ChatClientMetadata>()!;

        Assert.Equal("xai", metadata.ProviderName);
        Assert.Equal(_emulator.BaseAddress, metadata.ProviderUri);
        Assert.Equal("grok-4", metadata.DefaultModelId);
        Assert.Same(_grok, _grok.AsIChatClient().GetService<IGrokClient>());
    }

    [Fact]
    public async Task Embedding_generator_returns_one_vector_per_input()
    {
        var generator = _grok.AsIEmbeddingGenerator("grok-embedding-small");

        var embeddings = await generator.GenerateAsync(["first", "second"], new EmbeddingGenerationOptions { Dimensions = 16 });

        Assert.Equal(2, embeddings.Count);
        Assert.All(embeddings, e => Assert.Equal(16, e.Vector.Length));
        Assert.True(embeddings.Usage!.InputTokenCount > 0);
    }

    [Fact]
    public async Task AddGrokClient_registers_IGrokClient_through_IHttpClientFactory()
    {
        var services = new ServiceCollection();
        var builder = services.AddGrokClient(o =>
        {
            o.ApiKey = _emulator.ApiKey;
            o.BaseAddress = _emulator.BaseAddress;
        });
        await using var provider = services.BuildServiceProvider();

        var grok = provider.GetRequiredService<IGrokClient>();

        Assert.Equal("You said: di", await grok.ChatAsync("di"));
        Assert.Equal("Grok:Grok.IGrokClient", builder.Name);
    }

    [Fact]
    public async Task AddGrokClient_binds_options_from_the_Grok_configuration_section_and_retries()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grok:ApiKey"] = _emulator.ApiKey,
            ["Grok:BaseAddress"] = _emulator.BaseAddress.ToString().TrimEnd('/'),
            ["Grok:DefaultModel"] = "grok-code-fast-1",
            ["Grok:MaxRetries"] = "1",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddGrokClient<EmulatorClientTests.IUserApi>();
        await using var provider = services.BuildServiceProvider();
        _emulator.Enqueue(EmulatorResponse.Error(503, "busy"));

        var answer = await provider.GetRequiredService<EmulatorClientTests.IUserApi>().AskAsync(new ChatCompletionRequest { Messages = [Grok.Chat.ChatMessage.User("configured")] });

        Assert.Equal("You said: configured", answer.Content);
        Assert.Equal("grok-code-fast-1", LastModel);
        Assert.Equal(2, _emulator.Requests.Count);
    }

    [Fact]
    public async Task AddGrokChatClient_registers_an_IChatClient_and_returns_its_builder()
    {
        var services = new ServiceCollection();
        services.AddGrokChatClient(o =>
        {
            o.ApiKey = _emulator.ApiKey;
            o.BaseAddress = _emulator.BaseAddress;
        }, model: "grok-4-fast").UseFunctionInvocation();
        await using var provider = services.BuildServiceProvider();

        var chat = provider.GetRequiredService<IChatClient>();
        var response = await chat.GetResponseAsync("from DI");

        Assert.Equal("You said: from DI", response.Text);
        Assert.NotNull(chat.GetService<FunctionInvokingChatClient>());
        Assert.Equal("grok-4-fast", LastModel);
    }

    public sealed record City(string Name, string Country, int Population);
}
