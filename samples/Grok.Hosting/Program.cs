using System;
using System.Collections.Generic;
using Grok;
using Grok.Samples.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

// A generic-host app: GrokClientOptions from appsettings.json (section "Grok") and the environment, an IChatClient
// with a tool from DI, and OpenTelemetry traces and metrics printed to the console. With XAI_API_KEY (or Grok:ApiKey)
// it talks to api.x.ai; without, it starts the local emulator in-process and says so on stderr.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

var hasKey = !string.IsNullOrEmpty(builder.Configuration["Grok:ApiKey"])
    || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(GrokClientOptions.ApiKeyEnvironmentVariable));
await using GrokEmulator? emulator = hasKey ? null : await GrokEmulator.StartAsync();
if (emulator is not null)
{
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Grok:ApiKey"] = emulator.ApiKey,
        ["Grok:BaseAddress"] = emulator.BaseAddress.ToString(),
    });
    Console.Error.WriteLine($"XAI_API_KEY is not set: talking to the local Grok emulator at {emulator.BaseAddress}.");
}

// IGrokClient (IHttpClientFactory, the Grok retry handler once) and over it an IChatClient that calls tools.
// UseOpenTelemetry comes first, so its span covers the whole tool-calling exchange and Grok's spans nest inside it.
builder.Services.AddGrokChatClient()
    .UseOpenTelemetry(sourceName: "Grok.Hosting")
    .UseFunctionInvocation();

// Traces from Grok (and M.E.AI's chat client span above it); metrics from the Grok meter only, so the chat client's
// tokens are not counted twice (see the README's OpenTelemetry section).
builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService("Grok.Hosting"))
    .WithTracing(tracing => tracing.AddSource(GrokDiagnostics.ActivitySourceName, "Grok.Hosting").AddConsoleExporter())
    .WithMetrics(metrics => metrics.AddMeter(GrokDiagnostics.MeterName).AddConsoleExporter());

using var host = builder.Build();

// ValidateOnStart: a missing key or plain http:// to a remote host fails here, naming the property.
await host.StartAsync();

var options = host.Services.GetRequiredService<IOptionsMonitor<GrokClientOptions>>().Get("Grok:Grok.IGrokClient");
Console.Error.WriteLine($"model from configuration: {options.DefaultModel}");

var chat = host.Services.GetRequiredService<IChatClient>();
var question = args.Length > 0 ? string.Join(' ', args) : "What's the weather in Florence today?";
var response = await chat.GetResponseAsync(question, new ChatOptions { Tools = [AIFunctionFactory.Create(Weather.GetForecast, "weather")] });

Console.WriteLine($"answer: {response.Text}");
Console.Error.WriteLine($"usage: {response.Usage?.InputTokenCount} input, {response.Usage?.OutputTokenCount} output tokens");

await host.StopAsync();
return 0;
