using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Grok;
using Grok.Chat;

// A Native AOT app: the ready client and a user-declared interface with its own JsonSerializerContext, against the
// emulator. Prints OK and exits 0 when every call works.
await using var emulator = await GrokEmulator.StartAsync();
var options = emulator.CreateClientOptions();
options.JsonSerializerOptions = GrokJson.CreateOptions(SmokeJsonContext.Default);

var grok = GrokClient.Create<IGrokClient>(options);
var text = await grok.ChatAsync("aot");
var folded = await grok.StreamChatCompletionAsync(new ChatCompletionRequest { Messages = [ChatMessage.User("streamed aot")] }).ToChatCompletionAsync();

var mine = GrokClient.Create<ISmokeApi>(options);
var answer = await mine.AskAsync(new SmokeQuestion("grok-4", [new SmokeMessage("user", "mine")]));
var chunks = 0;
await foreach (var chunk in mine.AskStreamingAsync(new SmokeQuestion("grok-4", [new SmokeMessage("user", "one two three")])))
{
    chunks++;
}

var ok = text == "You said: aot" && folded.Content == "You said: streamed aot" && answer.Choices[0].Message?.Content == "You said: mine" && chunks > 3;
Console.WriteLine(ok ? "OK" : $"FAIL: '{text}' '{folded.Content}' '{answer.Choices[0].Message?.Content}' {chunks}");
return ok ? 0 : 1;

public interface ISmokeApi
{
    [GrokEndpoint("POST", "chat/completions")]
    Task<SmokeAnswer> AskAsync(SmokeQuestion question, CancellationToken cancellationToken = default);

    [GrokEndpoint("POST", "chat/completions", Stream = true)]
    IAsyncEnumerable<SmokeAnswer> AskStreamingAsync(SmokeQuestion question, CancellationToken cancellationToken = default);
}

public sealed record SmokeQuestion(string Model, IReadOnlyList<SmokeMessage> Messages);

public sealed record SmokeMessage(string Role, string? Content);

public sealed record SmokeAnswer(IReadOnlyList<SmokeChoice> Choices);

public sealed record SmokeChoice(SmokeMessage? Message, SmokeMessage? Delta);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SmokeQuestion))]
[JsonSerializable(typeof(SmokeAnswer))]
internal sealed partial class SmokeJsonContext : JsonSerializerContext;
