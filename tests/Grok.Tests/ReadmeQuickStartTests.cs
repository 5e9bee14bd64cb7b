using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Grok.Chat;

namespace Grok.Tests;

/// <summary>The README's "Use it in your app" snippet, run against the emulator with the key in XAI_API_KEY.</summary>
[Collection(nameof(EnvironmentCollection))] // sets XAI_API_KEY
public sealed class ReadmeQuickStartTests
{
    [Fact]
    public async Task Use_it_in_your_app_snippet_streams_an_answer_with_the_key_from_XAI_API_KEY()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        var saved = Environment.GetEnvironmentVariable(GrokClientOptions.ApiKeyEnvironmentVariable);
        Environment.SetEnvironmentVariable(GrokClientOptions.ApiKeyEnvironmentVariable, emulator.ApiKey);
        var output = new StringBuilder();
        try
        {
            // The snippet, with the emulator's address instead of api.x.ai and the console captured.
            IGrokClient grok = GrokClient.Create<IGrokClient>(new GrokClientOptions { BaseAddress = emulator.BaseAddress });
            var request = new ChatCompletionRequest { Messages = [ChatMessage.User("Why is the sky blue?")] };
            await foreach (ChatCompletionChunk chunk in grok.StreamChatCompletionAsync(request))
            {
                output.Append(chunk.Content);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(GrokClientOptions.ApiKeyEnvironmentVariable, saved);
        }

        Assert.Equal("You said: Why is the sky blue?", output.ToString());
    }

    [Fact]
    public void The_README_still_shows_the_snippet_and_starts_with_the_two_commands()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md")).Replace("\r\n", "\n");

        Assert.StartsWith(
            "# Grok for .NET\n\n```bash\ndotnet run --project samples/Grok.Chat -- \"Why is the sky blue?\"\ndotnet test Grok.sln -c Release\n```\n",
            readme);
        string[] snippet =
        [
            "dotnet add package Grok",
            "IGrokClient grok = GrokClient.Create<IGrokClient>(new GrokClientOptions()); // the key comes from XAI_API_KEY",
            "var request = new ChatCompletionRequest { Messages = [ChatMessage.User(\"Why is the sky blue?\")] };",
            "await foreach (ChatCompletionChunk chunk in grok.StreamChatCompletionAsync(request))",
            "    Console.Write(chunk.Content);",
        ];
        Assert.All(snippet, line => Assert.Contains(line, readme));
        Assert.True(readme.IndexOf("## Use it in your app", StringComparison.Ordinal) < readme.IndexOf("## The ready client", StringComparison.Ordinal));
        Assert.Contains("net10.0", readme.Split("## The ready client")[0]);
    }
}
