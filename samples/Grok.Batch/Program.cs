using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Grok;
using Grok.Batches;
using Grok.Chat;
using Grok.Samples.Batch;

// The batch sample: one prompt per line in, one JSON answer per line out, through xAI's Batch API (half the price,
// answers within hours). With XAI_API_KEY it talks to api.x.ai; without, to the local emulator (said on stderr).
BatchArguments arguments;
try
{
    arguments = BatchArguments.Parse(args);
}
catch (FormatException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BatchArguments.Usage);
    return 2;
}

if (arguments.Help)
{
    Console.WriteLine(BatchArguments.Usage);
    return 0;
}

string[] prompts;
try
{
    prompts = (await File.ReadAllLinesAsync(arguments.PromptsPath)).Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"Cannot read the prompts file: {ex.Message}");
    return 2;
}

if (prompts.Length == 0)
{
    Console.Error.WriteLine($"{arguments.PromptsPath} has no prompts (one per line).");
    return 2;
}

GrokEmulator? emulator = null;
GrokClientOptions options;
var pollInterval = arguments.PollInterval;
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(GrokClientOptions.ApiKeyEnvironmentVariable)))
{
    // The emulator finishes two requests per poll, so the progress is visible; poll it briskly.
    emulator = await GrokEmulator.StartAsync(new GrokEmulatorOptions { BatchRequestsPerPoll = 2 });
    options = emulator.CreateClientOptions();
    pollInterval ??= TimeSpan.FromMilliseconds(200);
    Console.Error.WriteLine($"XAI_API_KEY is not set: talking to the local Grok emulator at {emulator.BaseAddress}.");
}
else
{
    options = new GrokClientOptions();
    if (Environment.GetEnvironmentVariable("XAI_BASE_URL") is { Length: > 0 } baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("https" or "http"))
        {
            Console.Error.WriteLine($"XAI_BASE_URL is not an absolute http(s) URL, such as https://api.x.ai/v1/: '{baseUrl}'.");
            return 2;
        }

        options.BaseAddress = baseAddress;
    }
}

if (arguments.Model is { } model)
{
    options.DefaultModel = model;
}

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupt.Cancel();
};

string? batchId = null;
try
{
    var grok = GrokClient.Create<IGrokClient>(options);
    var batch = await grok.CreateBatchAsync("Grok.Batch " + Path.GetFileName(arguments.PromptsPath), interrupt.Token);
    batchId = batch.BatchId;
    Console.Error.WriteLine($"Batch {batchId}: sending {prompts.Length} prompts.");

    // Ids carry the line number, so answers (which come back in any order) are written in the file's order.
    const int PerCall = 100;
    for (var start = 0; start < prompts.Length; start += PerCall)
    {
        var requests = prompts.Skip(start).Take(PerCall).Select((prompt, i) => BatchRequest.Chat(
            new ChatCompletionRequest { Messages = [ChatMessage.User(prompt)] },
            "line-" + (start + i + 1)));
        await grok.AddBatchRequestsAsync(batchId, requests, interrupt.Token);
    }

    var done = await grok.WaitForBatchAsync(
        batchId,
        new Progress(b => Console.Error.WriteLine(
            $"progress: {b.State.NumSuccess + b.State.NumError + b.State.NumCancelled}/{b.State.NumRequests} done ({b.State.NumError} failed)")),
        pollInterval,
        cancellationToken: interrupt.Token);

    var answers = new Dictionary<string, BatchResult>(StringComparer.Ordinal);
    await foreach (var result in grok.GetAllBatchResultsAsync(batchId, cancellationToken: interrupt.Token))
    {
        answers[result.BatchRequestId] = result;
    }

    await using var output = arguments.OutputPath is { } path
        ? new StreamWriter(path, append: false, new UTF8Encoding(false))
        : new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
    for (var i = 0; i < prompts.Length; i++)
    {
        answers.TryGetValue("line-" + (i + 1), out var result);
        await output.WriteLineAsync(AnswerLine(i + 1, prompts[i], result));
    }

    Console.Error.WriteLine($"Batch {batchId}: {done.State.NumSuccess} answered, {done.State.NumError} failed" + (arguments.OutputPath is null ? "." : $"; written to {arguments.OutputPath}."));
    return done.State.NumError == 0 ? 0 : 1;
}
catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
{
    Console.Error.WriteLine(batchId is null
        ? "Interrupted before the batch was created."
        : $"Interrupted. The batch {batchId} keeps running at xAI; cancel it with CancelBatchAsync or read its results later.");
    return 130;
}
catch (GrokApiException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
finally
{
    if (emulator is not null)
    {
        await emulator.DisposeAsync();
    }
}

static string AnswerLine(int line, string prompt, BatchResult? result)
{
    using var buffer = new MemoryStream();
    using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
    {
        json.WriteStartObject();
        json.WriteNumber("line", line);
        json.WriteString("prompt", prompt);
        if (result?.ChatCompletion is { } completion)
        {
            json.WriteString("answer", completion.Content ?? "");
            if (completion.Usage?.CostInUsdTicks is { } ticks)
            {
                json.WriteNumber("cost_in_usd_ticks", ticks);
            }
        }
        else
        {
            json.WriteString("error", result?.Error ?? "no result (the request was cancelled or expired)");
        }

        json.WriteEndObject();
    }

    return Encoding.UTF8.GetString(buffer.ToArray());
}

/// <summary>Reports on the polling thread, in order (System.Progress would post to the thread pool).</summary>
internal sealed class Progress(Action<Batch> report) : IProgress<Batch>
{
    public void Report(Batch value) => report(value);
}
