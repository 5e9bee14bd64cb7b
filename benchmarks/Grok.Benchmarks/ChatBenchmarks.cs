using System;
using System.ClientModel;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenAI;
using OpenAI.Chat;
using Grok.Chat;

namespace Grok.Benchmarks;

/// <summary>
/// One chat completion, plain and streamed, against the in-process emulator on loopback: Grok's generated client
/// next to the hand-written HttpClient + source-generated JSON baseline and the OpenAI SDK pointed at the same server.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ChatBenchmarks
{
    private GrokEmulator _emulator = null!;
    private IGrokClient _grok = null!;
    private HandWrittenClient _baseline = null!;
    private ChatClient _openAI = null!;
    private HttpClient _http = null!;
    private ChatCompletionRequest _request = null!;

    [Params(8, 200)]
    public int AnswerWords { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _emulator = await GrokEmulator.StartAsync();
        var options = _emulator.CreateClientOptions();
        _grok = GrokClient.Create<IGrokClient>(options);
        _http = new HttpClient { BaseAddress = _emulator.BaseAddress };
        _baseline = new HandWrittenClient(_http, _emulator.ApiKey);
        _openAI = new ChatClient("grok-4", new ApiKeyCredential(_emulator.ApiKey), new OpenAIClientOptions { Endpoint = _emulator.BaseAddress });

        // The emulator echoes the prompt, so the prompt's length sets the answer's length (and the stream's chunk count).
        var prompt = string.Join(' ', Enumerable.Range(0, AnswerWords).Select(i => "word" + i));
        // include_usage as the OpenAI SDK sends it, so every client gets the same stream (one usage chunk at the end).
        _request = new ChatCompletionRequest
        {
            Model = "grok-4",
            Messages = [Grok.Chat.ChatMessage.User(prompt)],
            StreamOptions = new StreamOptions { IncludeUsage = true },
        };
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Plain")]
    public async Task<string?> HandWritten_Plain() => (await _baseline.CompleteAsync(_request)).Content;

    [Benchmark]
    [BenchmarkCategory("Plain")]
    public async Task<string?> Grok_Plain() => (await _grok.CreateChatCompletionAsync(_request)).Content;

    [Benchmark]
    [BenchmarkCategory("Plain")]
    public async Task<string?> OpenAI_Plain() => (await _openAI.CompleteChatAsync([new UserChatMessage(_request.Messages[0].Content)])).Value.Content[0].Text;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Streamed")]
    public async Task<int> HandWritten_Streamed()
    {
        var chunks = 0;
        await foreach (var chunk in _baseline.StreamAsync(_request))
        {
            chunks++;
        }

        return chunks;
    }

    [Benchmark]
    [BenchmarkCategory("Streamed")]
    public async Task<int> Grok_Streamed()
    {
        var chunks = 0;
        await foreach (var chunk in _grok.StreamChatCompletionAsync(_request))
        {
            chunks++;
        }

        return chunks;
    }

    [Benchmark]
    [BenchmarkCategory("Streamed")]
    public async Task<int> OpenAI_Streamed()
    {
        var chunks = 0;
        await foreach (var update in _openAI.CompleteChatStreamingAsync([new UserChatMessage(_request.Messages[0].Content)]))
        {
            chunks++;
        }

        return chunks;
    }
}
