using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http;
using System.Net.Http.Json;
using Grok.Chat;
using Grok.Embeddings;
using Grok.Images;
using Grok.Responses;

namespace Grok;

/// <summary>
/// Telemetry of generated clients per the OpenTelemetry GenAI semantic conventions: a <c>Grok</c> client span per call
/// (a stream's spans its whole reading) and the <c>Grok</c> meter's token-usage and duration histograms. The model,
/// id, finish reasons and usage come from the request and response objects the client (de)serializes anyway; nothing
/// is parsed twice, and nothing is allocated when no listener is attached.
/// </summary>
internal static class GrokTelemetry
{
    private static readonly Histogram<long> s_tokenUsage = GrokDiagnostics.Meter.CreateHistogram(
        "gen_ai.client.token.usage",
        unit: "{token}",
        description: "Number of input and output tokens used.",
        tags: null,
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864] });

    private static readonly Histogram<double> s_duration = GrokDiagnostics.Meter.CreateHistogram(
        "gen_ai.client.operation.duration",
        unit: "s",
        description: "GenAI operation duration.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92] });

    /// <summary>Gets whether anyone listens to the span source or the meter; when not, calls take the path without telemetry.</summary>
    public static bool IsEnabled => GrokDiagnostics.ActivitySource.HasListeners() || s_duration.Enabled || s_tokenUsage.Enabled;

    /// <summary>Starts the telemetry of a plain call, described by its request; null when nobody listens.</summary>
    public static GrokCallTelemetry? StartCall(HttpRequestMessage request, HttpClient client)
    {
        if (!IsEnabled)
        {
            return null;
        }

        var call = new GrokCallTelemetry();
        Describe(call, request, client);
        return call;
    }

    /// <summary>
    /// Starts the telemetry of a stream; its span starts in <see cref="Describe"/>, once the request exists, so it is
    /// never left as <see cref="Activity.Current"/> in the caller's context between events. Null when nobody listens.
    /// </summary>
    public static GrokCallTelemetry? StartStream() => IsEnabled ? new GrokCallTelemetry() : null;

    /// <summary>Names the call after its request (operation and model, from the body the client serialized) and starts its span.</summary>
    public static void Describe(GrokCallTelemetry call, HttpRequestMessage request, HttpClient client)
    {
        var body = request.Content switch
        {
            JsonContent json => json.Value,
            PreparedBodyContent prepared => prepared.Body,
            _ => null,
        };
        call.Start(request, client, GetOperation(body), (body as IGrokRequest)?.Model);
        if (call.Activity is { IsAllDataRequested: true } activity)
        {
            TagRequestSettings(activity, body);
        }
    }

    /// <summary>Reads the response model, id, finish reasons and usage from a typed result or stream event.</summary>
    public static void RecordResult(GrokCallTelemetry? call, object? result)
    {
        if (call is null || result is null)
        {
            return;
        }

        switch (result)
        {
            case ChatCompletion completion:
                call.SetResponse(completion.Id, completion.Model);
                foreach (var choice in completion.Choices)
                {
                    call.AddFinishReason(choice.FinishReason);
                }

                if (completion.Usage is { } usage)
                {
                    call.SetUsage(usage.PromptTokens, usage.CompletionTokens);
                }

                break;
            case ChatCompletionChunk chunk:
                call.SetResponse(chunk.Id, chunk.Model);
                foreach (var choice in chunk.Choices)
                {
                    call.AddFinishReason(choice.FinishReason);
                }

                if (chunk.Usage is { } chunkUsage)
                {
                    call.SetUsage(chunkUsage.PromptTokens, chunkUsage.CompletionTokens);
                }

                break;
            case GrokResponse response:
                RecordResponse(call, response);
                break;
            case ResponseStreamEvent { Response: { } streamed }:
                RecordResponse(call, streamed);
                break;
            case EmbeddingResponse embeddings:
                call.SetResponse(null, embeddings.Model);
                if (embeddings.Usage is { } embeddingUsage)
                {
                    call.SetUsage(embeddingUsage.PromptTokens, null);
                }

                break;
            case Refit.IApiResponse { IsSuccessStatusCode: false } failed:
                call.SetError(
                    failed.StatusCode is { } status
                        ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : failed.Error?.GetType().FullName ?? "_OTHER",
                    null);
                break;
            case Refit.IApiResponse<ChatCompletion> { Content: { } content }:
                RecordResult(call, content);
                break;
            case Refit.IApiResponse<GrokResponse> { Content: { } content }:
                RecordResult(call, content);
                break;
            case Refit.IApiResponse<EmbeddingResponse> { Content: { } content }:
                RecordResult(call, content);
                break;
            case HttpResponseMessage { IsSuccessStatusCode: false } message:
                call.SetError(((int)message.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), null);
                break;
        }
    }

    /// <summary>Records how a stream ended: its event count and, when it failed, the error.</summary>
    public static void RecordStreamEnd(GrokCallTelemetry? call, int events, Exception? exception)
    {
        if (call is null)
        {
            return;
        }

        call.Activity?.SetTag("grok.stream.events", events);
        if (exception is not null)
        {
            RecordError(call, exception);
        }
    }

    /// <summary>Marks the call failed: <c>error.type</c> is the HTTP status for an API error, else the exception's type.</summary>
    public static void RecordError(GrokCallTelemetry call, Exception exception)
    {
        var type = exception is Refit.ApiException api
            ? ((int)api.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : exception.GetType().FullName ?? exception.GetType().Name;
        call.SetError(type, exception.GetType().Name);
    }

    /// <summary>Records the finished call's duration and token usage (model calls only).</summary>
    internal static void RecordMetrics(GrokCallTelemetry call, double seconds)
    {
        if (call.Operation is null)
        {
            return;
        }

        if (s_tokenUsage.Enabled)
        {
            if (call.InputTokens is { } input)
            {
                var tags = call.MetricTags();
                tags.Add("gen_ai.token.type", "input");
                s_tokenUsage.Record(input, tags);
            }

            if (call.OutputTokens is { } output)
            {
                var tags = call.MetricTags();
                tags.Add("gen_ai.token.type", "output");
                s_tokenUsage.Record(output, tags);
            }
        }

        if (s_duration.Enabled)
        {
            var tags = call.MetricTags();
            if (call.ErrorType is { } error)
            {
                tags.Add("error.type", error);
            }

            s_duration.Record(seconds, tags);
        }
    }

    private static void RecordResponse(GrokCallTelemetry call, GrokResponse response)
    {
        call.SetResponse(response.Id, response.Model);
        call.SetFinishReason(response.IncompleteDetails?.Reason ?? response.Status);
        if (response.Usage is { } usage)
        {
            call.SetUsage(usage.InputTokens, usage.OutputTokens);
        }
    }

    /// <summary>The sampling settings the request names (<c>gen_ai.request.temperature</c>, <c>top_p</c>, <c>max_tokens</c>, ...).</summary>
    private static void TagRequestSettings(Activity activity, object? body)
    {
        switch (body)
        {
            case ChatCompletionRequest chat:
                activity.SetTag("gen_ai.request.temperature", chat.Temperature);
                activity.SetTag("gen_ai.request.top_p", chat.TopP);
                activity.SetTag("gen_ai.request.max_tokens", chat.MaxCompletionTokens ?? chat.MaxTokens);
                activity.SetTag("gen_ai.request.seed", chat.Seed);
                activity.SetTag("gen_ai.request.choice.count", chat.N is > 1 ? chat.N : null);
                if (chat.Stop is { Count: > 0 } stop)
                {
                    activity.SetTag("gen_ai.request.stop_sequences", ToArray(stop));
                }

                break;
            case ResponseRequest response:
                activity.SetTag("gen_ai.request.temperature", response.Temperature);
                activity.SetTag("gen_ai.request.top_p", response.TopP);
                activity.SetTag("gen_ai.request.max_tokens", response.MaxOutputTokens);
                break;
        }
    }

    private static string[] ToArray(IList<string> values)
    {
        var array = new string[values.Count];
        values.CopyTo(array, 0);
        return array;
    }

    /// <summary>The GenAI operation a request body stands for; null for calls that are not model calls (models, files, tokenize, ...).</summary>
    private static string? GetOperation(object? body) => body switch
    {
        ChatCompletionRequest or ResponseRequest => "chat",
        EmbeddingRequest => "embeddings",
        ImageGenerationRequest => "generate_content",
        _ => null,
    };
}
