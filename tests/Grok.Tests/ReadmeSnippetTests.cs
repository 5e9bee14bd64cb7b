using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Refit;
using Grok.Chat;

namespace Grok.Tests;

/// <summary>
/// The README's snippets, compiled and run against the emulator. When a snippet in README.md changes, change it here
/// (the test below checks that each fenced line of these snippets still appears in the README).
/// </summary>
public sealed class ReadmeSnippetTests : IAsyncLifetime
{
    private GrokEmulator _emulator = null!;
    private string _key = null!;

    public async Task InitializeAsync()
    {
        _emulator = await GrokEmulator.StartAsync();
        _key = _emulator.ApiKey;
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Ready_client_snippet_runs()
    {
        var key = _key;
        IGrokClient grok = GrokClient.Create<IGrokClient>(new GrokClientOptions { ApiKey = key, BaseAddress = _emulator.BaseAddress });

        string text = await grok.ChatAsync("Say hi in Portuguese");

        ChatCompletion completion = await grok.CreateChatCompletionAsync(new ChatCompletionRequest
        {
            Model = "grok-4-fast",
            Messages = [ChatMessage.System("Be brief."), ChatMessage.User("Why is the sky blue?")],
            Temperature = 0.2,
        });
        Console.WriteLine(completion.Content);
        Console.WriteLine($"{completion.Usage?.TotalTokens} tokens, ${completion.Usage?.CostInUsd}");

        Assert.Contains("Portuguese", text);
        Assert.Contains("sky", completion.Content);
    }

    [Fact]
    public async Task Streaming_snippet_runs()
    {
        var grok = GrokClient.Create<IGrokClient>(_emulator.CreateClientOptions());
        var cancellationToken = CancellationToken.None;

        var request = new ChatCompletionRequest
        {
            Messages = [ChatMessage.User("Tell me a story")],
            StreamOptions = new StreamOptions { IncludeUsage = true },
        };

        var written = new System.Text.StringBuilder();
        await foreach (ChatCompletionChunk chunk in grok.StreamChatCompletionAsync(request, cancellationToken))
        {
            written.Append(chunk.Content);
        }

        ChatCompletion folded = await grok.StreamChatCompletionAsync(request).ToChatCompletionAsync();

        Assert.Equal(folded.Content, written.ToString());
        Assert.NotNull(folded.Usage);
    }

    [Fact]
    public async Task Custom_endpoints_snippet_runs()
    {
        var key = _key;
        using var httpClient = new HttpClient { BaseAddress = _emulator.BaseAddress };

        IMyGrok mine = GrokClient.Create<IMyGrok>(new GrokClientOptions { ApiKey = key, BaseAddress = _emulator.BaseAddress });
        IMyGrok viaRefit = RestService.For<IMyGrok>(httpClient, new RefitSettings { AuthorizationHeaderValueGetter = (_, _) => ValueTask.FromResult(key) });

        var question = new MyQuestion { Model = "grok-4", Messages = [new MyMessage { Role = "user", Content = "hi" }] };
        Assert.Contains("hi", (await mine.AskAsync(question)).Choices[0].Message.Content);
        Assert.NotEmpty(await viaRefit.AskStreamingAsync(question).ToListAsync());
        Assert.Equal("grok-4-0709", (await viaRefit.GetModelAsync("grok-4", traceId: "t")).Id);
        Assert.Equal("t", _emulator.Requests[^1].Headers["X-Trace-Id"]);
    }

    [Fact]
    public async Task Errors_snippet_runs()
    {
        var options = _emulator.CreateClientOptions();
        options.MaxRetries = 0;
        var grok = GrokClient.Create<IGrokClient>(options);
        _emulator.Enqueue(EmulatorResponse.RateLimited());
        string? seen = null;

        try
        {
            await grok.ChatAsync("hi");
        }
        catch (GrokApiException ex) when (ex.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Console.WriteLine($"{ex.ErrorCode}: {ex.ErrorMessage} (request {ex.RequestId})");
            seen = ex.ErrorMessage;
        }

        Assert.NotNull(seen);
    }

    [Fact]
    public async Task Structured_output_tools_deferred_and_raw_snippet_runs()
    {
        var grok = GrokClient.Create<IGrokClient>(_emulator.CreateClientOptions());
        var request = new ChatCompletionRequest { Messages = [ChatMessage.User("later")] };

        City city = await grok.CreateStructuredCompletionAsync<City>(new ChatCompletionRequest
        {
            Messages = [ChatMessage.User("The largest city in Italy, as JSON")],
        });

        Tool weather = GrokSchema.FunctionTool<WeatherArguments>("weather", "Get the weather for a location");
        ChatCompletion answer = await grok.CreateChatCompletionAsync(new ChatCompletionRequest
        {
            Messages = [ChatMessage.User("What's the weather in Florence?")],
            Tools = [weather],
            ToolChoice = ToolChoice.Auto,
        });
        var locations = new List<string?>();
        foreach (ToolCall call in answer.Message?.ToolCalls ?? [])
        {
            WeatherArguments arguments = call.GetArguments<WeatherArguments>();
            locations.Add(arguments.Location);
        }

        ChatCompletion later = await grok.CreateDeferredChatCompletionAsync(request, pollInterval: TimeSpan.FromMilliseconds(100));

        JsonNode? raw = await grok.SendAsync(HttpMethod.Get, "language-models");

        Assert.NotNull(city.Name);
        Assert.Single(locations);
        Assert.Contains("later", later.Content);
        Assert.NotNull(raw?["models"]);
    }

    [Fact]
    public async Task Emulator_snippet_runs()
    {
        await using GrokEmulator emulator = await GrokEmulator.StartAsync();
        IGrokClient grok = GrokClient.Create<IGrokClient>(emulator.CreateClientOptions());

        emulator.Enqueue(EmulatorResponse.Error(429, "Rate limited"));

        Assert.Equal("You said: hi", await grok.ChatAsync("hi")); // the 429 is retried
        Assert.Equal(2, emulator.Requests.Count);
    }

    [Theory]
    [InlineData("services.AddGrokChatClient(model: \"grok-4-fast\").UseFunctionInvocation(); // IChatClient with tool calling")]
    [InlineData("string text = await grok.ChatAsync(\"Say hi in Portuguese\");")]
    [InlineData("ChatCompletion folded = await grok.StreamChatCompletionAsync(request).ToChatCompletionAsync();")]
    [InlineData("IMyGrok viaRefit = RestService.For<IMyGrok>(httpClient, new RefitSettings { AuthorizationHeaderValueGetter = (_, _) => ValueTask.FromResult(key) });")]
    [InlineData("catch (GrokApiException ex) when (ex.StatusCode == HttpStatusCode.TooManyRequests)")]
    [InlineData("Tool weather = GrokSchema.FunctionTool<WeatherArguments>(\"weather\", \"Get the weather for a location\");")]
    [InlineData("JsonNode? raw = await grok.SendAsync(HttpMethod.Get, \"language-models\");")]
    [InlineData("emulator.Enqueue(EmulatorResponse.Error(429, \"Rate limited\"));")]
    public void Readme_still_shows_the_snippet_lines_tested_here(string line)
    {
        var readme = System.IO.File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "README.md"));

        Assert.Contains(line, readme);
    }

    public sealed record City(string Name, string Country, int Population);

    public sealed class WeatherArguments
    {
        public required string Location { get; init; }
    }

    public interface IMyGrok
    {
        [GrokEndpoint("POST", "chat/completions")]
        Task<MyAnswer> AskAsync(MyQuestion question, CancellationToken cancellationToken = default);

        [GrokEndpoint("POST", "chat/completions", Stream = true)]
        IAsyncEnumerable<MyChunk> AskStreamingAsync(MyQuestion question, CancellationToken cancellationToken = default);

        [GrokEndpoint("GET", "language-models/{id}")]
        Task<MyModel> GetModelAsync(string id, [Header("X-Trace-Id")] string? traceId = null, CancellationToken cancellationToken = default);
    }

    public sealed class MyQuestion
    {
        public string? Model { get; set; }

        public List<MyMessage> Messages { get; set; } = [];
    }

    public sealed class MyMessage
    {
        public string Role { get; set; } = "";

        public string Content { get; set; } = "";
    }

    public sealed record MyAnswer(IReadOnlyList<MyChoice> Choices);

    public sealed record MyChoice(MyMessage Message);

    public sealed record MyChunk(string? Id);

    public sealed record MyModel(string Id);
}
