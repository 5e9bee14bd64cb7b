using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Grok.Responses;

namespace Grok.Tests;

/// <summary>
/// The README's Responses API snippets, compiled and run against the emulator. When a snippet in README.md changes,
/// change it here (the last test checks that the lines of these snippets still appear in the README).
/// </summary>
public sealed class ReadmeResponsesSnippetTests : IAsyncLifetime
{
    private GrokEmulator _emulator = null!;
    private IGrokClient grok = null!;

    public async Task InitializeAsync()
    {
        _emulator = await GrokEmulator.StartAsync();
        grok = GrokClient.Create<IGrokClient>(_emulator.CreateClientOptions());
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Responses_snippet_runs()
    {
        string answer = await grok.RespondAsync("Why is the sky blue?");

        GrokResponse response = await grok.CreateResponseAsync(new ResponseRequest
        {
            Model = "grok-4.3",
            Instructions = "Be brief.",
            Input = [ResponseInputItem.User("What did xAI ship this week?")],
            Tools = [ResponseTool.WebSearch(allowedDomains: ["x.ai"]), ResponseTool.XSearch(allowedXHandles: ["xai"])],
            Reasoning = new ResponseReasoningOptions { Effort = "low" },
        });
        Console.WriteLine(response.OutputText);
        foreach (ResponseAnnotation citation in response.Citations)
        {
            Console.WriteLine(citation.Url);
        }

        Console.WriteLine($"{response.Usage?.TotalTokens} tokens ({response.Usage?.InputTokensDetails?.CachedTokens} cached), ${response.Usage?.CostInUsd}");

        // xAI stores responses for 30 days: continue one and only the new input travels.
        GrokResponse next = await grok.CreateResponseAsync(new ResponseRequest { PreviousResponseId = response.Id, Input = "And on X?" });

        Assert.Equal("You said: Why is the sky blue?", answer);
        Assert.Equal(2, response.Citations.Count);
        Assert.NotEmpty(response.ReasoningText);
        Assert.Contains("Before that you said: What did xAI ship this week?", next.OutputText);
    }

    [Fact]
    public async Task Responses_streaming_snippet_runs()
    {
        var cancellationToken = CancellationToken.None;
        var written = new System.Text.StringBuilder();

        var request = new ResponseRequest { Input = "Tell me a story" };
        await foreach (ResponseStreamEvent e in grok.StreamResponseAsync(request, cancellationToken))
        {
            if (e.Type == ResponseStreamEventTypes.OutputTextDelta)
            {
                written.Append(e.Delta);
            }
        }

        GrokResponse folded = await grok.StreamResponseAsync(request).ToResponseAsync();

        Assert.Equal(folded.OutputText, written.ToString());
        Assert.Equal("completed", folded.Status);
    }

    [Fact]
    public async Task Responses_functions_structured_output_and_conversation_snippet_runs()
    {
        GrokResponse done = await grok.RunWithFunctionsAsync(
            new ResponseRequest
            {
                Input = "What's the weather in Florence?",
                Tools = [ResponseTool.Function<WeatherArguments>("weather", "Get the weather for a location")],
            },
            new Dictionary<string, Func<string, CancellationToken, Task<string>>>
            {
                ["weather"] = (arguments, ct) => Task.FromResult("""{"celsius": 31}"""),
            });

        City city = await grok.CreateStructuredResponseAsync<City>(new ResponseRequest { Input = "The largest city in Italy" });

        GrokConversation conversation = grok.StartConversation(instructions: "Be brief.");
        string first = await conversation.AskAsync("My name is Ada.");
        string second = await conversation.AskAsync("What is my name?");

        Assert.Contains("31", done.OutputText);
        Assert.NotNull(city.Name);
        Assert.Equal("You said: My name is Ada.", first);
        Assert.Contains("My name is Ada.", second);
    }

    [Theory]
    [InlineData("## The Responses API (xAI's recommended API)")]
    [InlineData("string answer = await grok.RespondAsync(\"Why is the sky blue?\");")]
    [InlineData("    Tools = [ResponseTool.WebSearch(allowedDomains: [\"x.ai\"]), ResponseTool.XSearch(allowedXHandles: [\"xai\"])],")]
    [InlineData("GrokResponse next = await grok.CreateResponseAsync(new ResponseRequest { PreviousResponseId = response.Id, Input = \"And on X?\" });")]
    [InlineData("await foreach (ResponseStreamEvent e in grok.StreamResponseAsync(request, cancellationToken))")]
    [InlineData("GrokResponse folded = await grok.StreamResponseAsync(request).ToResponseAsync();")]
    [InlineData("        Tools = [ResponseTool.Function<WeatherArguments>(\"weather\", \"Get the weather for a location\")],")]
    [InlineData("City city = await grok.CreateStructuredResponseAsync<City>(new ResponseRequest { Input = \"The largest city in Italy\" });")]
    [InlineData("GrokConversation conversation = grok.StartConversation(instructions: \"Be brief.\");")]
    public void Readme_still_shows_the_Responses_snippet_lines_tested_here(string line)
    {
        var readme = System.IO.File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "README.md"));

        Assert.Contains(line, readme);
    }

    [Fact]
    public void The_Responses_section_comes_before_the_chat_section()
    {
        var readme = System.IO.File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "README.md"));

        Assert.True(readme.IndexOf("## The Responses API", StringComparison.Ordinal) < readme.IndexOf("## The ready client", StringComparison.Ordinal));
    }

    public sealed record City(string Name, string Country, int Population);

    public sealed class WeatherArguments
    {
        public required string Location { get; init; }
    }
}
