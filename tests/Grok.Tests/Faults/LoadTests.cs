using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Grok.Chat;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Grok.Tests.Faults;

/// <summary>Tests that measure the process (memory, 1,000 connections) run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(SerialMeasurements), DisableParallelization = true)]
public sealed class SerialMeasurements;

/// <summary>
/// Load and memory, over real loopback HTTP. Method: these tests run alone (a collection without parallelization), so the
/// process-wide allocation counter <see cref="GC.GetTotalAllocatedBytes(bool)"/> measures this test's client and server;
/// the hostile server writes from one reused buffer, so what is allocated is (nearly) all the client's.
/// </summary>
[Collection(nameof(SerialMeasurements))]
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Streams = 1000;
    private const int ChunksPerStream = 20;

    [Fact]
    public async Task A_thousand_concurrent_streams_through_one_client_lose_nothing_cross_nothing_and_keep_memory_flat()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            // Each stream's own content: its id in every chunk, in order.
            using var body = JsonDocument.Parse((string)context.Items["body"]!);
            var id = body.RootElement.GetProperty("messages")[0].GetProperty("content").GetString();
            context.Response.ContentType = "text/event-stream";
            for (var i = 0; i < ChunksPerStream; i++)
            {
                await context.Response.WriteAsync($"data: {{\"id\":\"{id}\",\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"{id}.{i} \"}}}}]}}\n\n");
                await context.Response.Body.FlushAsync();
                if (i % 5 == 4)
                {
                    await Task.Yield();
                }
            }

            await context.Response.WriteAsync("data: [DONE]\n\n");
        });
        var options = TestClients.Options(server);
        using var grok = GrokClient.Create<IGrokClient>(options);
        var stopwatch = Stopwatch.StartNew();

        await RoundAsync(grok, "warm");
        var settled = Settled();
        await RoundAsync(grok, "a");
        await RoundAsync(grok, "b");
        var after = Settled();

        output.WriteLine($"{Streams * 3} streams ({Streams} at a time, {ChunksPerStream} chunks each) in {stopwatch.Elapsed.TotalSeconds:0.0} s; heap after warm-up {settled / 1024 / 1024} MiB, after two more rounds {after / 1024 / 1024} MiB");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromMinutes(2), $"took {stopwatch.Elapsed}");
        Assert.True(after - settled < 16 * 1024 * 1024, $"the heap grew by {(after - settled) / 1024 / 1024} MiB over two rounds of {Streams} streams");
    }

    [Fact]
    public async Task A_256_MiB_event_line_costs_the_client_a_small_multiple_of_MaxEventSize()
    {
        const int limit = 1024 * 1024;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: {\"id\":\"");
            var block = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            for (var i = 0; i < 4096 && !context.RequestAborted.IsCancellationRequested; i++) // 256 MiB, no newline
            {
                await context.Response.Body.WriteAsync(block, context.RequestAborted).AsTask().ContinueWith(_ => { });
            }
        });
        var options = TestClients.Options(server);
        options.MaxEventSize = limit;
        using var grok = GrokClient.Create<IGrokClient>(options);
        var request = new ChatCompletionRequest { Messages = [ChatMessage.User("hi")] };
        Settled();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();

        var error = await Record.ExceptionAsync(() => grok.StreamChatCompletionAsync(request).ToChatCompletionAsync().WaitAsync(TimeSpan.FromSeconds(60)));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"allocated {allocated / 1024 / 1024.0:0.0} MiB in {stopwatch.Elapsed.TotalSeconds:0.00} s for a 256 MiB line with MaxEventSize 1 MiB");
        Assert.Contains("MaxEventSize", Assert.IsType<GrokStreamException>(error).Message);
        Assert.True(allocated < 24L * limit, $"allocated {allocated / 1024 / 1024} MiB");
    }

    private static async Task RoundAsync(IGrokClient grok, string round)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, Streams).Select(async i =>
        {
            var id = $"{round}-{i}";
            var completion = await grok.StreamChatCompletionAsync(new ChatCompletionRequest { Messages = [ChatMessage.User(id)] }).ToChatCompletionAsync();
            return (id, completion);
        }));

        foreach (var (id, completion) in results)
        {
            Assert.Equal(id, completion.Id); // nothing crossed
            Assert.Equal(string.Concat(Enumerable.Range(0, ChunksPerStream).Select(i => $"{id}.{i} ")), completion.Content); // nothing lost
        }
    }

    private static long Settled()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
