using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Grok.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Grok.AI;

/// <summary>An <see cref="IChatClient"/> over <see cref="IGrokClient"/>: Microsoft.Extensions.AI's abstractions on xAI's chat completions.</summary>
internal sealed class GrokChatClient(IGrokClient client, string? model) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new("xai", (client as IGrokRawClient)?.BaseAddress, model);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var completion = await client.CreateChatCompletionAsync(GrokAIMapping.ToRequest(this, messages, options, model), cancellationToken).ConfigureAwait(false);
        var choice = completion.Choices.Count > 0 ? completion.Choices[0] : null;
        var message = new AIChatMessage(ChatRole.Assistant, GrokAIMapping.ToContents(choice?.Message))
        {
            MessageId = completion.Id,
            RawRepresentation = choice?.Message,
        };
        return new ChatResponse(message)
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.Created > 0 ? DateTimeOffset.FromUnixTimeSeconds(completion.Created) : null,
            FinishReason = GrokAIMapping.ToFinishReason(choice?.FinishReason),
            Usage = GrokAIMapping.ToUsage(completion.Usage),
            RawRepresentation = completion,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AIChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = GrokAIMapping.ToRequest(this, messages, options, model);
        request = request with { StreamOptions = request.StreamOptions ?? new StreamOptions { IncludeUsage = true } };

        // Tool calls may arrive in fragments: fold them and hand them over whole with the finish reason.
        var accumulator = new ChatCompletionAccumulator();
        string? id = null, modelId = null;
        DateTimeOffset? created = null;
        await foreach (var chunk in client.StreamChatCompletionAsync(request, cancellationToken).ConfigureAwait(false))
        {
            accumulator.Add(chunk);
            id ??= chunk.Id;
            modelId ??= chunk.Model;
            created ??= chunk.Created > 0 ? DateTimeOffset.FromUnixTimeSeconds(chunk.Created) : null;
            var choice = chunk.Choices.Count > 0 ? chunk.Choices[0] : null;
            var contents = new List<AIContent>();
            if (choice?.Delta is { } delta)
            {
                if (!string.IsNullOrEmpty(delta.ReasoningContent))
                {
                    contents.Add(new TextReasoningContent(delta.ReasoningContent));
                }

                if (!string.IsNullOrEmpty(delta.Content))
                {
                    contents.Add(new TextContent(delta.Content));
                }
            }

            if (choice?.FinishReason is { } finish)
            {
                contents.AddRange(GrokAIMapping.ToContents(accumulator.Build().Message).OfType<FunctionCallContent>());
            }

            if (contents.Count == 0 && choice?.FinishReason is null)
            {
                continue;
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, contents)
            {
                ResponseId = id,
                MessageId = id,
                ModelId = modelId,
                CreatedAt = created,
                FinishReason = GrokAIMapping.ToFinishReason(choice?.FinishReason),
                RawRepresentation = chunk,
            };
        }

        // One usage at the end: older streams repeat a cumulative usage on every chunk, which must not be summed.
        if (GrokAIMapping.ToUsage(accumulator.Usage) is { } usage)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(usage)])
            {
                ResponseId = id,
                MessageId = id,
                ModelId = modelId,
                CreatedAt = created,
            };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return _metadata;
        }

        return serviceType.IsInstanceOfType(this) ? this : serviceType.IsInstanceOfType(client) ? client : null;
    }

    public void Dispose()
    {
    }
}
