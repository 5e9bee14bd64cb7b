using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Grok.Chat;

namespace Grok.Tests;

/// <summary>The "Grok" ActivitySource and the "Grok.Http" log category, against the emulator.</summary>
[Collection(nameof(EnvironmentCollection))] // an ActivityListener sees every test's activities: run alone
public sealed class TelemetryTests
{
    [Fact]
    public async Task Every_call_is_an_activity_of_the_Grok_source_with_its_outcome()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        var activities = new ConcurrentQueue<Activity>();
        using var listener = Listen(activities, emulator);
        var options = emulator.CreateClientOptions();
        options.MaxRetries = 0;
        var grok = GrokClient.Create<IGrokClient>(options);

        await grok.ChatAsync("traced");
        emulator.Enqueue(EmulatorResponse.Error(400, "bad"));
        await Assert.ThrowsAsync<GrokApiException>(() => grok.ChatAsync("fails"));
        await grok.StreamChatCompletionAsync(new ChatCompletionRequest { Messages = [ChatMessage.User("one two three")] }).ToChatCompletionAsync();

        var seen = activities.ToArray();
        Assert.Equal(3, seen.Length);
        Assert.All(seen, a =>
        {
            Assert.Equal(GrokDiagnostics.ActivitySourceName, a.Source.Name);
            Assert.Equal("POST /v1/chat/completions", a.DisplayName);
            Assert.Equal("xai", a.GetTagItem("gen_ai.provider.name"));
            Assert.Equal(ActivityKind.Client, a.Kind);
        });
        Assert.Equal(ActivityStatusCode.Unset, seen[0].Status);
        Assert.Equal(ActivityStatusCode.Error, seen[1].Status);
        Assert.Equal(400, seen[1].GetTagItem("http.response.status_code"));
        Assert.True((int)seen[2].GetTagItem("grok.stream.events")! > 0);
    }

    [Fact]
    public async Task Retries_are_logged_under_Grok_Http_without_the_key()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        var logs = new ConcurrentQueue<(string Category, LogLevel Level, string Message)>();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(new CollectingProvider(logs)).SetMinimumLevel(LogLevel.Trace));
        var options = emulator.CreateClientOptions();
        options.LoggerFactory = loggerFactory;
        var grok = GrokClient.Create<IGrokClient>(options);
        emulator.Enqueue(EmulatorResponse.RateLimited(TimeSpan.FromMilliseconds(5)));

        await grok.ChatAsync("logged");

        var entry = Assert.Single(logs, l => l.Category == GrokDiagnostics.HttpLogCategory);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("Retrying POST /v1/chat/completions", entry.Message);
        Assert.Contains("status 429", entry.Message);
        Assert.DoesNotContain(emulator.ApiKey, string.Join("\n", logs.Select(l => l.Message)));
    }

    private static ActivityListener Listen(ConcurrentQueue<Activity> activities, GrokEmulator emulator)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GrokDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("server.port"), emulator.BaseAddress.Port))
                {
                    activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private sealed class CollectingProvider(ConcurrentQueue<(string, LogLevel, string)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, logs);

        public void Dispose()
        {
        }

        private sealed class Collector(string category, ConcurrentQueue<(string, LogLevel, string)> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => logs.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
