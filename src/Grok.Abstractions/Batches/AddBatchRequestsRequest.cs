using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Batches;

/// <summary>
/// The body of <c>POST batches/{batch_id}/requests</c>. Chat requests that name no model get the client's default model
/// (the caller's objects are not changed), and every request is checked before anything is sent.
/// </summary>
public sealed record AddBatchRequestsRequest : IGrokRequest
{
    /// <summary>The requests to add.</summary>
    [JsonPropertyName("batch_requests")]
    public IList<BatchRequest> BatchRequests { get; init; } = [];

    /// <summary>Gets members this version does not model, kept and sent again so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    string? IGrokRequest.Model => null;

    /// <inheritdoc />
    IGrokRequest IGrokRequest.WithDefaultModel(string model)
    {
        if (!BatchRequests.Any(r => r.Body.ChatGetCompletion is { Model: null } || NamesNoModel(r.Body.Responses)))
        {
            return this;
        }

        return this with
        {
            BatchRequests = BatchRequests
                .Select(r => r.Body.ChatGetCompletion is { Model: null } chat
                    ? r with { Body = r.Body with { ChatGetCompletion = chat with { Model = model } } }
                    : NamesNoModel(r.Body.Responses)
                        ? r with { Body = r.Body with { Responses = WithModel(r.Body.Responses!.Value, model) } }
                        : r)
                .ToList(),
        };
    }

    private static bool NamesNoModel(JsonElement? request)
        => request is { ValueKind: JsonValueKind.Object } body
            && (!body.TryGetProperty("model", out var model) || model.ValueKind == JsonValueKind.Null);

    private static JsonElement WithModel(JsonElement request, string model)
    {
        var node = System.Text.Json.Nodes.JsonObject.Create(request)!;
        node["model"] = model;
        return JsonSerializer.SerializeToElement(node, GrokJsonContext.Default.JsonNode);
    }

    /// <inheritdoc />
    public void Validate()
    {
        if (BatchRequests is null || BatchRequests.Count == 0)
        {
            throw new ArgumentException("AddBatchRequestsRequest.BatchRequests is empty: add at least one request, such as BatchRequest.Chat(...).", nameof(BatchRequests));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < BatchRequests.Count; i++)
        {
            var request = BatchRequests[i] ?? throw new ArgumentException($"AddBatchRequestsRequest.BatchRequests[{i}] is null.", nameof(BatchRequests));
            if (request.Body is null || request.Body.KindCount != 1)
            {
                throw new ArgumentException($"AddBatchRequestsRequest.BatchRequests[{i}] must carry exactly one request; create it with BatchRequest.Chat, .Responses, .ImageGeneration...", nameof(BatchRequests));
            }

            if (request.BatchRequestId is { } id && !ids.Add(id))
            {
                throw new ArgumentException($"AddBatchRequestsRequest.BatchRequests has the id '{id}' twice; ids must be unique within a batch.", nameof(BatchRequests));
            }

            ((IGrokRequest?)request.Body.ChatGetCompletion)?.Validate();
            ((IGrokRequest?)request.Body.ImageGeneration)?.Validate();
            ((IGrokRequest?)request.Body.ImageEdit)?.Validate();
            ((IGrokRequest?)request.Body.VideoGeneration)?.Validate();
            ((IGrokRequest?)request.Body.VideoExtension)?.Validate();
        }
    }
}
