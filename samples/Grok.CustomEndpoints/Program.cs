using System;
using System.Linq;
using Grok;
using Grok.Samples.CustomEndpoints;

// Declares its own endpoints (IMyGrok) and calls them; against the local emulator unless XAI_API_KEY is set.
await using var emulator = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("XAI_API_KEY")) ? await GrokEmulator.StartAsync() : null;
var options = emulator?.CreateClientOptions() ?? new GrokClientOptions();
var grok = GrokClient.Create<IMyGrok>(options);

var question = new MyQuestion("grok-4", [new MyMessage("user", "Name three primary colors.")]);

var answer = await grok.AskAsync(question);
Console.WriteLine($"plain:    {answer.Choices[0].Message.Content} ({answer.Choices[0].FinishReason})");

Console.Write("streamed: ");
await foreach (var chunk in grok.AskStreamingAsync(question))
{
    Console.Write(chunk.Choices.FirstOrDefault()?.Delta?.Content);
}

Console.WriteLine();

Console.Write("responses: ");
await foreach (var e in grok.RespondStreamingAsync(new MyResponseRequest("grok-4.3", "Name three primary colors.")))
{
    switch (e.Type)
    {
        case "response.output_text.delta":
            Console.Write(e.Delta);
            break;
        case "response.completed":
            Console.WriteLine($" ({e.Response?.Status}, {e.Response?.Usage?.TotalTokens} tokens)");
            break;
    }
}

var model = await grok.GetModelAsync("grok-4", traceId: "sample-1");
Console.WriteLine($"model:    {model.Id} (aliases: {string.Join(", ", model.Aliases ?? [])})");
