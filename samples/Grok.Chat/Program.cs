using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Grok;
using Grok.Chat;
using Grok.Samples.Chat;

// The chat sample: streams Grok's answer token by token. With XAI_API_KEY it talks to api.x.ai;
// without, it starts the local emulator in-process (and says so on stderr).
ChatArguments arguments;
try
{
    arguments = ChatArguments.Parse(args);
}
catch (FormatException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(ChatArguments.Usage);
    return 2;
}

if (arguments.Help)
{
    Console.WriteLine(ChatArguments.Usage);
    return 0;
}

GrokEmulator? emulator = null;
GrokClientOptions options;
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(GrokClientOptions.ApiKeyEnvironmentVariable)))
{
    // A small pause between chunks, so the emulator's answer visibly streams token by token, as Grok's does.
    emulator = await GrokEmulator.StartAsync(new GrokEmulatorOptions { ChunkDelay = TimeSpan.FromMilliseconds(40) });
    options = emulator.CreateClientOptions();
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

try
{
    var session = new ChatSession(GrokClient.Create<IGrokClient>(options), arguments);
    return arguments.Prompt is { } prompt
        ? await session.AskAsync(prompt, CancellationToken.None)
        : await session.RunInteractiveAsync();
}
catch (GrokApiException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
catch (Exception ex) when (ex is GrokStreamException or HttpRequestException or TimeoutException)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
finally
{
    if (emulator is not null)
    {
        await emulator.DisposeAsync();
    }
}
