using System.Threading.Tasks;
using Grok;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Grok.Tests;

/// <summary>
/// The README's dependency-injection and Microsoft.Extensions.AI snippet. This file imports exactly <c>Grok</c> and
/// <c>Microsoft.Extensions.AI</c> with no aliases: it compiling at all is the proof that the two namespaces share no
/// type names (<c>ChatMessage</c>, <c>Embedding</c>, ...), which live in <c>Grok.Chat</c>, <c>Grok.Embeddings</c>.
/// </summary>
public sealed class ReadmeAiSnippetTests : IAsyncLifetime
{
    private GrokEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await GrokEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Dependency_injection_and_Microsoft_Extensions_AI_snippet_runs()
    {
        var services = new ServiceCollection();
        var options = _emulator.CreateClientOptions();
        void Connect(GrokClientOptions o)
        {
            o.ApiKey = options.ApiKey;
            o.BaseAddress = options.BaseAddress;
        }

        services.AddGrokClient(o => { Connect(o); o.DefaultModel = "grok-4-fast"; });
        services.AddGrokClient<ReadmeSnippetTests.IMyGrok>(Connect);
        services.AddGrokChatClient(Connect, model: "grok-4-fast").UseFunctionInvocation();
        await using var provider = services.BuildServiceProvider();
        var grok = provider.GetRequiredService<IGrokClient>();

        IChatClient chat = grok.AsIChatClient("grok-4-fast");
        ChatResponse reply = await chat.GetResponseAsync("Why is the sky blue?");
        IEmbeddingGenerator<string, Embedding<float>> embedder = grok.AsIEmbeddingGenerator("grok-embedding-small");

        Assert.Contains("sky", reply.Text);
        Assert.Single(await embedder.GenerateAsync(["x"]));
        Assert.NotNull(provider.GetRequiredService<ReadmeSnippetTests.IMyGrok>());
        Assert.Contains("DI", (await provider.GetRequiredService<IChatClient>().GetResponseAsync("DI")).Text);
    }

}
