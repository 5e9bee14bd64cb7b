using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Grok.Responses;
using Microsoft.Extensions.AI;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Grok.AI;

/// <summary>
/// An <see cref="IChatClient"/> over <see cref="IGrokClient"/> that speaks xAI's Responses API: stored conversations
/// (<see cref="ChatOptions.ConversationId"/> is <c>previous_response_id</c>), reasoning, citations, server-side tools.
/// </summary>
internal sealed class GrokChatClient(IGrokClient client, string? model) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new("xai", (client as IGrokRawClient)?.BaseAddress, model);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var response = await client.CreateResponseAsync(GrokAIMapping.ToRequest(this, messages, options, model), cancellationToken).ConfigureAwait(false);
        return await GrokAIMapping.ToChatResponseAsync(response, client).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AIChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = GrokAIMapping.ToRequest(this, messages, options, model);
        string? responseId = null, conversationId = null, modelId = null;
        DateTimeOffset? created = null;
        await foreach (var e in client.StreamResponseAsync(request, cancellationToken).ConfigureAwait(false))
        {
            if (e.Response is { } snapshot)
            {
                responseId = snapshot.Id is { Length: > 0 } id ? id : responseId;
                conversationId = GrokAIMapping.ConversationIdOf(snapshot) ?? conversationId;
                modelId = snapshot.Model ?? modelId;
                created ??= GrokAIMapping.ToTime(snapshot.CreatedAt);
            }

            var contents = new List<AIContent>();
            ChatFinishReason? finish = null;
            switch (e.Type)
            {
                case ResponseStreamEventTypes.OutputTextDelta when e.Delta is { Length: > 0 } delta:
                    contents.Add(new TextContent(delta));
                    break;
                case ResponseStreamEventTypes.RefusalDelta when e.Delta is { Length: > 0 } refusal:
                    contents.Add(new TextContent(refusal));
                    break;
                case ResponseStreamEventTypes.ReasoningSummaryTextDelta or ResponseStreamEventTypes.ReasoningTextDelta when e.Delta is { Length: > 0 } thought:
                    contents.Add(new TextReasoningContent(thought));
                    break;
                case ResponseStreamEventTypes.OutputTextAnnotationAdded when e.Annotation is { } annotation:
                    contents.Add(new TextContent("") { Annotations = GrokAIMapping.ToAnnotations([annotation]) });
                    break;
                case ResponseStreamEventTypes.OutputItemDone when e.Item is FunctionCallItem call:
                    contents.Add(GrokAIMapping.ToFunctionCall(call));
                    break;
                case ResponseStreamEventTypes.OutputItemDone when e.Item is ReasoningItem { EncryptedContent.Length: > 0 } reasoning:
                    contents.Add(new TextReasoningContent("") { ProtectedData = reasoning.EncryptedContent, RawRepresentation = reasoning });
                    break;
                case ResponseStreamEventTypes.OutputItemDone when e.Item is { } item and not ResponseMessageItem and not ReasoningItem:
                    contents.Add(new AIContent { RawRepresentation = item });
                    break;
                case ResponseStreamEventTypes.Completed or ResponseStreamEventTypes.Incomplete or ResponseStreamEventTypes.Failed when e.Response is { } final:
                    await GrokAIMapping.ThrowIfFailedAsync(final, client).ConfigureAwait(false);
                    finish = GrokAIMapping.ToFinishReason(final);
                    if (GrokAIMapping.ToUsage(final.Usage) is { } usage)
                    {
                        contents.Add(new UsageContent(usage));
                    }

                    break;
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, contents)
            {
                ResponseId = responseId,
                ConversationId = conversationId,
                MessageId = responseId,
                ModelId = modelId,
                CreatedAt = created,
                FinishReason = finish,
                RawRepresentation = e,
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
