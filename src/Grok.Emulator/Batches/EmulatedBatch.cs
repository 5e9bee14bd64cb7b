using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grok.Batches;
using Grok.Chat;
using Grok.Images;

namespace Grok.Emulation;

/// <summary>One batch of the emulator: its requests in the order added, each pending until a poll finishes it.</summary>
internal sealed class EmulatedBatch
{
    private readonly List<Entry> _entries = [];
    private readonly object _gate = new();

    public EmulatedBatch(string id, string name, long sequence, string apiKeyId, string? inputFileId)
    {
        Id = id;
        Name = name;
        Sequence = sequence;
        ApiKeyId = apiKeyId;
        InputFileId = inputFileId;
        CreateTime = DateTimeOffset.UtcNow;
    }

    public string Id { get; }

    public string Name { get; }

    public long Sequence { get; }

    public string ApiKeyId { get; }

    public string? InputFileId { get; }

    public DateTimeOffset CreateTime { get; }

    public DateTimeOffset? CancelTime { get; private set; }

    public Entry[] Entries()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    /// <summary>Adds requests; returns the error to answer instead, if any.</summary>
    public string? Add(IList<BatchRequest> requests, int maxRequests)
    {
        lock (_gate)
        {
            if (_entries.Count + requests.Count > maxRequests)
            {
                return $"A batch holds at most {maxRequests} requests.";
            }

            var ids = new HashSet<string>(_entries.Select(e => e.Id), StringComparer.Ordinal);
            var added = new List<Entry>(requests.Count);
            foreach (var request in requests)
            {
                var id = request.BatchRequestId ?? "req_" + (_entries.Count + added.Count + 1).ToString(CultureInfo.InvariantCulture);
                if (!ids.Add(id))
                {
                    return "The batch request id " + id + " is used twice; ids must be unique within a batch.";
                }

                added.Add(new Entry(id, request, DateTimeOffset.UtcNow));
            }

            _entries.AddRange(added);
            return null;
        }
    }

    /// <summary>Finishes up to <paramref name="count"/> pending requests, oldest first.</summary>
    public void Process(int count, int maxSchemaNodes)
    {
        lock (_gate)
        {
            foreach (var entry in _entries.Where(e => e.State == "pending").Take(count).ToArray())
            {
                entry.Finish(Id, maxSchemaNodes);
            }
        }
    }

    public void Cancel()
    {
        lock (_gate)
        {
            CancelTime ??= DateTimeOffset.UtcNow;
            foreach (var entry in _entries.Where(e => e.State == "pending"))
            {
                entry.State = "cancelled";
                entry.FinishTime = CancelTime;
            }
        }
    }

    public Batch ToWire()
    {
        lock (_gate)
        {
            return new Batch
            {
                BatchId = Id,
                Name = Name,
                CreateTime = CreateTime,
                ExpireTime = CreateTime.AddDays(1),
                CreateApiKeyId = ApiKeyId,
                CancelTime = CancelTime,
                State = new BatchState
                {
                    NumRequests = _entries.Count,
                    NumPending = _entries.Count(e => e.State == "pending"),
                    NumSuccess = _entries.Count(e => e.State == "succeeded"),
                    NumError = _entries.Count(e => e.State == "failed"),
                    NumCancelled = _entries.Count(e => e.State == "cancelled"),
                },
            };
        }
    }

    /// <summary>One request of the batch and, once finished, its result.</summary>
    internal sealed class Entry(string id, BatchRequest request, DateTimeOffset created)
    {
        public string Id { get; } = id;

        public string State { get; set; } = "pending";

        public DateTimeOffset? FinishTime { get; set; }

        public BatchResult? Result { get; private set; }

        public BatchRequestMetadata Metadata() => new()
        {
            BatchRequestId = Id,
            Endpoint = Endpoint(),
            Model = Model(),
            State = State,
            CreateTime = created,
            FinishTime = FinishTime,
        };

        public void Finish(string batchId, int maxSchemaNodes)
        {
            FinishTime = DateTimeOffset.UtcNow;
            JsonObject? response;
            string? error = null;
            try
            {
                response = Answer(batchId, maxSchemaNodes);
            }
            catch (ArgumentException exception)
            {
                response = null;
                error = exception.Message;
            }

            if (response is null)
            {
                error ??= "The request kind is not supported by the batch API.";
            }

            State = error is null ? "succeeded" : "failed";
            var body = error is null
                ? new BatchResultBody { Response = JsonSerializer.SerializeToElement(response!, GrokJsonContext.Default.JsonNode) }
                : new BatchResultBody { Error = error };
            Result = new BatchResult { BatchRequestId = Id, Result = body };
        }

        private JsonObject? Answer(string batchId, int maxSchemaNodes)
        {
            var body = request.Body;
            if (body.ChatGetCompletion is { } chat)
            {
                ((IGrokRequest)chat).Validate();
                var answer = ChatAnswer.Create(chat, 0, maxSchemaNodes);
                var completion = ChatEndpoint.CreateCompletion(EmulatorHttp.StableId(batchId + ":" + Id, 1), DateTimeOffset.UtcNow.ToUnixTimeSeconds(), answer, chat.N ?? 1);
                return Wrap("chat_get_completion", JsonSerializer.SerializeToNode(completion, GrokJsonContext.Default.ChatCompletion));
            }

            if (body.ImageGeneration is { } image)
            {
                image.Validate();
                return Wrap("image_generation", JsonSerializer.SerializeToNode(ImagesEndpoint.Create(image.Prompt, image.Model, image.N ?? 1, image.ResponseFormat ?? "url", 0), GrokJsonContext.Default.ImageGenerationResponse));
            }

            if (body.ImageEdit is { } edit)
            {
                edit.Validate();
                var inputs = edit.Images?.Count ?? 1;
                return Wrap("image_generation", JsonSerializer.SerializeToNode(ImagesEndpoint.Create(edit.Prompt, edit.Model, edit.N ?? 1, edit.ResponseFormat ?? "url", inputs), GrokJsonContext.Default.ImageGenerationResponse));
            }

            if (body.VideoGeneration is { } video)
            {
                video.Validate();
                return Wrap("video_generation", JsonSerializer.SerializeToNode(VideosEndpoint.Create(Id, video.Prompt ?? "", video.Model, video.Duration ?? 8), GrokJsonContext.Default.VideoResult));
            }

            if (body.VideoExtension is { } extension)
            {
                extension.Validate();
                return Wrap("video_generation", JsonSerializer.SerializeToNode(VideosEndpoint.Create(Id, extension.Prompt, extension.Model, extension.Duration ?? 6), GrokJsonContext.Default.VideoResult));
            }

            if (body.Responses is { } responses)
            {
                return Wrap("responses", ResponsesAnswer(batchId, responses));
            }

            return null;
        }

        /// <summary>A Responses API answer in its shape: the text echoes the input, as the chat emulator does.</summary>
        private JsonNode ResponsesAnswer(string batchId, JsonElement request)
        {
            var model = request.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "grok-4.3";
            var input = request.TryGetProperty("input", out var i) ? (i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetRawText()) : "";
            if (string.IsNullOrWhiteSpace(input))
            {
                throw new ArgumentException("A Responses API request needs an input.");
            }

            var text = "You said: " + input;
            var tokensIn = EmulatorHttp.CountWords(input);
            var tokensOut = EmulatorHttp.CountWords(text);
            return new JsonObject
            {
                ["id"] = EmulatorHttp.StableId(batchId + ":" + Id, 2),
                ["object"] = "response",
                ["created_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["model"] = model,
                ["status"] = "completed",
                ["output"] = new JsonArray(new JsonObject
                {
                    ["type"] = "message",
                    ["id"] = "msg_" + Id,
                    ["role"] = "assistant",
                    ["status"] = "completed",
                    ["content"] = new JsonArray(new JsonObject { ["type"] = "output_text", ["text"] = text, ["annotations"] = new JsonArray() }),
                }),
                ["usage"] = new JsonObject { ["input_tokens"] = tokensIn, ["output_tokens"] = tokensOut, ["total_tokens"] = tokensIn + tokensOut },
            };
        }

        private static JsonObject Wrap(string kind, JsonNode? value) => new() { [kind] = value };

        private string Endpoint()
        {
            var body = request.Body;
            return body.ChatGetCompletion is not null ? "/v1/chat/completions"
                : body.Responses is not null ? "/v1/responses"
                : body.ImageGeneration is not null ? "/v1/images/generations"
                : body.ImageEdit is not null ? "/v1/images/edits"
                : body.VideoGeneration is not null ? "/v1/videos/generations"
                : body.VideoExtension is not null ? "/v1/videos/extensions"
                : "unknown";
        }

        private string Model()
        {
            var body = request.Body;
            return body.ChatGetCompletion is { } chat ? ChatAnswer.ResolveModel(chat.Model)
                : body.Responses is { } responses && responses.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String ? model.GetString()!
                : body.ImageGeneration?.Model ?? body.ImageEdit?.Model ?? body.VideoGeneration?.Model ?? body.VideoExtension?.Model ?? "";
        }
    }
}
