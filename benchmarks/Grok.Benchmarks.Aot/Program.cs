using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Grok;
using Grok.Benchmarks;
using Grok.Benchmarks.Contenders;
using Grok.Chat;

// One Native AOT cold-start sample: create a client and make its first plain call against the benchmark's server
// (ROOT is its address; the key is "bench-key"), then print "COLD <create us> <total us> <characters read>".
// usage: Grok.Benchmarks.Aot hand|ready|hand-minimal|user ROOT
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Grok.Benchmarks.Aot hand|ready|hand-minimal|user ROOT");
    return 2;
}

const string Key = "bench-key";
var address = new Uri(new Uri(args[1]), "plain/v1/");
var watch = Stopwatch.StartNew();
Func<Task<int>> call = args[0] switch
{
    "hand" => Calls.Hand(address, Key),
    "ready" => Calls.Ready(address, Key),
    "hand-minimal" => Calls.HandMinimal(address, Key),
    "user" => Calls.User(address, Key),
    _ => throw new ArgumentException($"Unknown contender {args[0]}."),
};
var created = watch.Elapsed.TotalMicroseconds;
var read = await call();
var total = watch.Elapsed.TotalMicroseconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"COLD {created:0} {total:0} {read}"));
return read > 0 ? 0 : 1;

/// <summary>A user's interface over the minimal models, as in the JIT benchmark.</summary>
public interface IAotBench
{
    /// <summary>A plain chat call.</summary>
    [GrokEndpoint("POST", "chat/completions")]
    Task<MinAnswer> AskAsync(MinQuestion question, CancellationToken cancellationToken = default);
}

/// <summary>Each contender's create and first call; separate methods so each sample runs only its own code.</summary>
internal static class Calls
{
    public static Func<Task<int>> Hand(Uri address, string key)
    {
        var client = new HandWrittenClient<ChatCompletionRequest, ChatCompletion, ChatCompletionChunk>(
            new HttpClient { BaseAddress = address }, key, GrokJsonContext.Default.ChatCompletionRequest, GrokJsonContext.Default.ChatCompletion, GrokJsonContext.Default.ChatCompletionChunk);
        var request = new ChatCompletionRequest { Model = "grok-4", Messages = [ChatMessage.User("Say hello in eight words.")] };
        return async () => (await client.SendAsync("chat/completions", request)).Content!.Length;
    }

    public static Func<Task<int>> Ready(Uri address, string key)
    {
        var grok = GrokClient.Create<IGrokClient>(new GrokClientOptions { ApiKey = key, BaseAddress = address });
        var request = new ChatCompletionRequest { Model = "grok-4", Messages = [ChatMessage.User("Say hello in eight words.")] };
        return async () => (await grok.CreateChatCompletionAsync(request)).Content!.Length;
    }

    public static Func<Task<int>> HandMinimal(Uri address, string key)
    {
        var client = new HandWrittenClient<MinQuestion, MinAnswer, MinAnswer>(
            new HttpClient { BaseAddress = address }, key, MinimalJsonContext.Default.MinQuestion, MinimalJsonContext.Default.MinAnswer, MinimalJsonContext.Default.MinAnswer);
        var request = new MinQuestion("grok-4", [new MinMessage("user", "Say hello in eight words.")]);
        return async () => (await client.SendAsync("chat/completions", request)).Choices[0].Message!.Content!.Length;
    }

    public static Func<Task<int>> User(Uri address, string key)
    {
        var options = new GrokClientOptions { ApiKey = key, BaseAddress = address, JsonSerializerOptions = GrokJson.CreateOptions(MinimalJsonContext.Default) };
        var grok = GrokClient.Create<IAotBench>(options);
        var request = new MinQuestion("grok-4", [new MinMessage("user", "Say hello in eight words.")]);
        return async () => (await grok.AskAsync(request)).Choices[0].Message!.Content!.Length;
    }
}
