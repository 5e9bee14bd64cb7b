using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Grok.Chat;
using Grok.Responses;
using MEAI = Microsoft.Extensions.AI;

namespace Grok.Tests;

/// <summary>The "Grok" ActivitySource and Meter (OpenTelemetry GenAI conventions) and the "Grok.Http" log category, over loopback HTTP.</summary>
[Collection(nameof(EnvironmentCollection))] // an ActivityListener sees every test's activities: run alone
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_chat_call_is_a_GenAI_span_named_after_operation_and_model_with_response_attributes()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = Listen(spans, emulator.BaseAddress.Port);
        var grok = GrokClient.Create<IGrokClient>(emulator.CreateClientOptions());

        var completion = await grok.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = [ChatMessage.User("traced")] });

        var span = Assert.Single(spans);
        Assert.Equal(GrokDiagnostics.ActivitySourceName, span.Source.Name);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("chat grok-4.3", span.DisplayName);
        Assert.Equal("chat", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal("xai", span.GetTagItem("gen_ai.provider.name"));
        Assert.Equal("grok-4.3", span.GetTagItem("gen_ai.request.model"));
        Assert.Equal(completion.Model, span.GetTagItem("gen_ai.response.model"));
        Assert.Equal(completion.Id, span.GetTagItem("gen_ai.response.id"));
        Assert.Equal(["stop"], (string[])span.GetTagItem("gen_ai.response.finish_reasons")!);
        Assert.Equal(completion.Usage!.PromptTokens, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(completion.Usage.CompletionTokens, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);

        // HTTP details belong to System.Net.Http's own client span, not repeated here.
        Assert.Null(span.GetTagItem("http.request.method"));
        Assert.Null(span.GetTagItem("url.path"));
        Assert.Null(span.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task A_failed_call_marks_its_span_with_the_status_as_error_type()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = Listen(spans, emulator.BaseAddress.Port);
        var options = emulator.CreateClientOptions();
        options.MaxRetries = 0;
        var grok = GrokClient.Create<IGrokClient>(options);
        emulator.Enqueue(EmulatorResponse.Error(400, "bad"));

        await Assert.ThrowsAsync<GrokApiException>(() => grok.ChatAsync("fails"));

        var span = Assert.Single(spans);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("400", span.GetTagItem("error.type"));
    }

    [Fact]
    public async Task A_streamed_chat_span_covers_the_stream_and_takes_finish_reason_and_usage_from_its_chunks()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = Listen(spans, emulator.BaseAddress.Port);
        var grok = GrokClient.Create<IGrokClient>(emulator.CreateClientOptions());
        var outside = Activity.Current;

        var folded = await grok.StreamChatCompletionAsync(new ChatCompletionRequest
        {
            Model = "grok-4-fast",
            Temperature = 0.5,
            MaxCompletionTokens = 200,
            Messages = [ChatMessage.User("one two three")],
            StreamOptions = new StreamOptions { IncludeUsage = true },
        }).ToChatCompletionAsync();

        Assert.Same(outside, Activity.Current);
        var span = Assert.Single(spans);
        Assert.Equal("chat grok-4-fast", span.DisplayName);
        Assert.Equal(folded.Id, span.GetTagItem("gen_ai.response.id"));
        Assert.Equal(["stop"], (string[])span.GetTagItem("gen_ai.response.finish_reasons")!);
        Assert.Equal(folded.Usage!.PromptTokens, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(folded.Usage.CompletionTokens, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.True((int)span.GetTagItem("grok.stream.events")! > 0);
        Assert.Equal(0.5, span.GetTagItem("gen_ai.request.temperature"));
        Assert.Equal(200, span.GetTagItem("gen_ai.request.max_tokens"));
    }

    [Fact]
    public async Task A_streamed_Responses_API_call_reports_the_final_response_id_status_and_usage()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Recordings", "responses", "xai-text-streaming.1.chunks.txt"))
            .Where(l => l.Length > 0)
            .Select(l => "data: " + l + "\n\n")
            .ToArray();
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(context, lines));
        var spans = new ConcurrentQueue<Activity>();
        using var listener = Listen(spans, server.BaseAddress.Port);
        var grok = TestClients.Create<IGrokClient>(server);

        await foreach (var _ in grok.StreamResponseAsync(new ResponseRequest { Model = "grok-code-fast-1", Input = "Sonoran food?" }))
        {
        }

        var span = Assert.Single(spans);
        Assert.Equal("chat grok-code-fast-1", span.DisplayName);
        Assert.Equal("769f3302-64f9-4c72-2b48-860c87fd9b2a", span.GetTagItem("gen_ai.response.id"));
        Assert.Equal("grok-code-fast-1", span.GetTagItem("gen_ai.response.model"));
        Assert.Equal(["completed"], (string[])span.GetTagItem("gen_ai.response.finish_reasons")!);
        Assert.Equal(216, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(863, span.GetTagItem("gen_ai.usage.output_tokens"));
    }

    [Fact]
    public async Task Calls_that_are_not_model_calls_get_a_plain_span_without_GenAI_operation()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = Listen(spans, emulator.BaseAddress.Port);
        var grok = GrokClient.Create<IGrokClient>(emulator.CreateClientOptions());

        await grok.GetModelAsync("grok-4");

        var span = Assert.Single(spans);
        Assert.Equal("GET models", span.DisplayName);
        Assert.Null(span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal("xai", span.GetTagItem("gen_ai.provider.name"));
    }

    [Fact]
    public async Task The_HttpClient_span_nests_inside_the_Grok_span_for_plain_calls_and_streams()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = Listen(spans, emulator.BaseAddress.Port, "System.Net.Http");
        var grok = GrokClient.Create<IGrokClient>(emulator.CreateClientOptions());

        await grok.ChatAsync("plain");
        await grok.StreamChatCompletionAsync(new ChatCompletionRequest { Messages = [ChatMessage.User("streamed")] }).ToChatCompletionAsync();

        var grokSpans = spans.Where(s => s.Source.Name == GrokDiagnostics.ActivitySourceName).ToArray();
        var httpSpans = spans.Where(s => s.Source.Name == "System.Net.Http").ToArray();
        Assert.Equal(2, grokSpans.Length);
        Assert.Equal(2, httpSpans.Length);
        Assert.All(httpSpans, http => Assert.Contains(grokSpans, g => g.SpanId == http.ParentSpanId));
    }

    [Fact]
    public async Task Under_Microsoft_Extensions_AI_UseOpenTelemetry_the_Grok_span_nests_inside_the_chat_client_span()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = Listen(spans, emulator.BaseAddress.Port, "Grok.Tests.AI");
        var grok = GrokClient.Create<IGrokClient>(emulator.CreateClientOptions());
        var builder = new MEAI.ChatClientBuilder(MEAI.GrokAIExtensions.AsIChatClient(grok, "grok-4-fast"));
        var chat = MEAI.OpenTelemetryChatClientBuilderExtensions.UseOpenTelemetry(builder, sourceName: "Grok.Tests.AI").Build();

        await MEAI.ChatClientExtensions.GetResponseAsync(chat, "nested");

        var outer = Assert.Single(spans, s => s.Source.Name == "Grok.Tests.AI");
        var inner = Assert.Single(spans, s => s.Source.Name == GrokDiagnostics.ActivitySourceName);
        Assert.Equal(outer.SpanId, inner.ParentSpanId);
        Assert.Equal("chat grok-4-fast", outer.DisplayName);
        Assert.Equal("chat grok-4-fast", inner.DisplayName);
    }

    [Fact]
    public async Task The_Grok_meter_records_token_usage_by_type_and_operation_duration()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        var port = emulator.BaseAddress.Port;
        var points = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == GrokDiagnostics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Collect(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            if (Equals(copy.GetValueOrDefault("server.port"), port))
            {
                points.Enqueue((instrument.Name, value, copy));
            }
        }

        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Collect(instrument, value, tags));
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Collect(instrument, value, tags));
        meters.Start();
        var grok = GrokClient.Create<IGrokClient>(emulator.CreateClientOptions());

        var completion = await grok.CreateChatCompletionAsync(new ChatCompletionRequest { Model = "grok-4-fast", Messages = [ChatMessage.User("metered")] });
        await grok.ListModelsAsync();

        var tokens = points.Where(p => p.Instrument == "gen_ai.client.token.usage").ToArray();
        Assert.Equal(2, tokens.Length);
        Assert.Equal(completion.Usage!.PromptTokens, tokens.Single(t => (string?)t.Tags["gen_ai.token.type"] == "input").Value);
        Assert.Equal(completion.Usage.CompletionTokens, tokens.Single(t => (string?)t.Tags["gen_ai.token.type"] == "output").Value);
        var duration = Assert.Single(points, p => p.Instrument == "gen_ai.client.operation.duration");
        Assert.InRange(duration.Value, 0.000001, 60);
        foreach (var point in tokens.Append(duration))
        {
            Assert.Equal("chat", point.Tags["gen_ai.operation.name"]);
            Assert.Equal("xai", point.Tags["gen_ai.provider.name"]);
            Assert.Equal("grok-4-fast", point.Tags["gen_ai.request.model"]);
            Assert.Equal(completion.Model, point.Tags["gen_ai.response.model"]);
        }
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

    /// <summary>Collects the stopped spans of the given sources (Grok's by default) that belong to one server's port.</summary>
    private static ActivityListener Listen(ConcurrentQueue<Activity> activities, int port, params string[] otherSources)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GrokDiagnostics.ActivitySourceName || otherSources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("server.port"), port))
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
