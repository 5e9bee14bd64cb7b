using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;

namespace Grok;

/// <summary>
/// What one call has told its telemetry so far: its span (when sampled), the GenAI attributes for the span and the
/// metrics, and when it started. Disposing it ends the span and records the metrics.
/// </summary>
internal sealed class GrokCallTelemetry : IDisposable
{
    private const string ProviderName = "xai";
    private readonly long _started = Stopwatch.GetTimestamp();
    private List<string>? _finishReasons;
    private string? _requestModel;
    private string? _responseModel;
    private string? _responseId;
    private string? _serverAddress;
    private int _serverPort;
    private bool _disposed;

    /// <summary>Gets the span, or null when no span listener sampled it.</summary>
    public Activity? Activity { get; private set; }

    /// <summary>Gets the GenAI operation (<c>chat</c>, <c>embeddings</c>, <c>generate_content</c>), or null for other calls.</summary>
    public string? Operation { get; private set; }

    public int? InputTokens { get; private set; }

    public int? OutputTokens { get; private set; }

    public string? ErrorType { get; private set; }

    /// <summary>Records what the request says and starts the span, current in the caller's (async) context.</summary>
    public void Start(HttpRequestMessage request, HttpClient client, string? operation, string? requestModel)
    {
        Operation = operation;
        _requestModel = requestModel;
        _serverAddress = client.BaseAddress?.Host;
        _serverPort = client.BaseAddress?.Port ?? 0;

        var source = GrokDiagnostics.ActivitySource;
        if (!source.HasListeners())
        {
            return;
        }

        var name = operation is null
            ? request.Method.Method + " " + FirstSegment(request, client)
            : requestModel is null ? operation : operation + " " + requestModel;
        var activity = source.StartActivity(name, ActivityKind.Client);
        if (activity is null)
        {
            return;
        }

        Activity = activity;
        if (activity.IsAllDataRequested)
        {
            activity.SetTag("gen_ai.provider.name", ProviderName);
            activity.SetTag("gen_ai.operation.name", operation);
            activity.SetTag("gen_ai.request.model", requestModel);
            activity.SetTag("server.address", _serverAddress);
            activity.SetTag("server.port", _serverPort);
        }
    }

    public void SetResponse(string? id, string? model)
    {
        if (!string.IsNullOrEmpty(id))
        {
            _responseId ??= id;
        }

        if (!string.IsNullOrEmpty(model))
        {
            _responseModel ??= model;
        }
    }

    public void AddFinishReason(string? reason)
    {
        if (!string.IsNullOrEmpty(reason))
        {
            (_finishReasons ??= []).Add(reason);
        }
    }

    /// <summary>Replaces the finish reasons with one (a Responses API answer has one status, reported again on later events).</summary>
    public void SetFinishReason(string? reason)
    {
        _finishReasons?.Clear();
        AddFinishReason(reason);
    }

    /// <summary>Sets the usage; the last report wins (a stream's usage chunk or final response carries the totals).</summary>
    public void SetUsage(int? input, int? output)
    {
        InputTokens = input ?? InputTokens;
        OutputTokens = output ?? OutputTokens;
    }

    public void SetError(string type, string? description)
    {
        ErrorType = type;
        if (Activity is { } activity)
        {
            activity.SetTag("error.type", type);
            activity.SetStatus(ActivityStatusCode.Error, description ?? type);
        }
    }

    /// <summary>The attributes every metric point of this call carries.</summary>
    public TagList MetricTags()
    {
        var tags = new TagList
        {
            { "gen_ai.operation.name", Operation },
            { "gen_ai.provider.name", ProviderName },
        };
        if (_requestModel is not null)
        {
            tags.Add("gen_ai.request.model", _requestModel);
        }

        if (_responseModel is not null)
        {
            tags.Add("gen_ai.response.model", _responseModel);
        }

        if (_serverAddress is not null)
        {
            tags.Add("server.address", _serverAddress);
            tags.Add("server.port", _serverPort);
        }

        return tags;
    }

    /// <summary>Ends the span with the response attributes and records the metrics.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        GrokTelemetry.RecordMetrics(this, Stopwatch.GetElapsedTime(_started).TotalSeconds);
        if (Activity is not { } activity)
        {
            return;
        }

        if (activity.IsAllDataRequested && Operation is not null)
        {
            activity.SetTag("gen_ai.response.id", _responseId);
            activity.SetTag("gen_ai.response.model", _responseModel);
            if (_finishReasons is { Count: > 0 })
            {
                activity.SetTag("gen_ai.response.finish_reasons", _finishReasons.ToArray());
            }

            activity.SetTag("gen_ai.usage.input_tokens", InputTokens);
            activity.SetTag("gen_ai.usage.output_tokens", OutputTokens);
        }

        activity.Dispose();
    }

    /// <summary>The endpoint's first path segment below the base address (<c>models</c>, <c>files</c>): low-cardinality, no ids.</summary>
    private static string FirstSegment(HttpRequestMessage request, HttpClient client)
    {
        var path = request.RequestUri is { } uri
            ? (uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString)
            : string.Empty;
        var basePath = client.BaseAddress?.AbsolutePath ?? "/";
        if (path.StartsWith(basePath, StringComparison.Ordinal))
        {
            path = path[basePath.Length..];
        }

        path = path.TrimStart('/');
        var end = path.IndexOfAny(['/', '?', ':']);
        return end < 0 ? path : path[..end];
    }
}
