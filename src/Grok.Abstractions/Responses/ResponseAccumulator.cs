using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Grok.Responses;

/// <summary>
/// Folds <see cref="ResponseStreamEvent"/>s into the <see cref="GrokResponse"/> the plain call would have returned: the
/// terminal event's response when one arrived, with output items built from the deltas when it carries none.
/// </summary>
public sealed class ResponseAccumulator
{
    private readonly SortedDictionary<int, ItemState> _items = [];
    private GrokResponse? _snapshot;
    private GrokResponse? _terminal;

    /// <summary>Gets the response's id, once a lifecycle event carried it.</summary>
    public string? ResponseId => (_terminal ?? _snapshot)?.Id;

    /// <summary>Gets whether a terminal event (<c>response.completed</c>, <c>.failed</c>, <c>.incomplete</c>) arrived.</summary>
    public bool IsComplete => _terminal is not null;

    /// <summary>Adds one event.</summary>
    /// <param name="streamEvent">The event.</param>
    public void Add(ResponseStreamEvent streamEvent)
    {
        ArgumentNullException.ThrowIfNull(streamEvent);
        switch (streamEvent.Type)
        {
            case ResponseStreamEventTypes.Created or ResponseStreamEventTypes.InProgress when streamEvent.Response is not null:
                _snapshot = streamEvent.Response;
                break;
            case ResponseStreamEventTypes.Completed or ResponseStreamEventTypes.Failed or ResponseStreamEventTypes.Incomplete when streamEvent.Response is not null:
                _terminal = streamEvent.Response;
                break;
            case ResponseStreamEventTypes.OutputItemAdded or ResponseStreamEventTypes.OutputItemDone when streamEvent.Item is not null:
                State(streamEvent).SetItem(streamEvent.Item, streamEvent.Type == ResponseStreamEventTypes.OutputItemDone);
                break;
            case ResponseStreamEventTypes.OutputTextDelta:
                State(streamEvent).Text(streamEvent.ContentIndex ?? 0).Append(streamEvent.Delta);
                break;
            case ResponseStreamEventTypes.OutputTextAnnotationAdded when streamEvent.Annotation is not null:
                State(streamEvent).Annotations(streamEvent.ContentIndex ?? 0).Add(streamEvent.Annotation);
                break;
            case ResponseStreamEventTypes.ReasoningSummaryTextDelta:
                State(streamEvent).Summary(streamEvent.SummaryIndex ?? 0).Append(streamEvent.Delta);
                break;
            case ResponseStreamEventTypes.ReasoningTextDelta:
                State(streamEvent).Reasoning.Append(streamEvent.Delta);
                break;
            case ResponseStreamEventTypes.FunctionCallArgumentsDelta:
                State(streamEvent).Arguments.Append(streamEvent.Delta);
                break;
        }
    }

    /// <summary>Builds the response from what arrived so far.</summary>
    /// <returns>The response; its <see cref="GrokResponse.Status"/> is the terminal one when the stream finished.</returns>
    public GrokResponse Build()
    {
        var items = _items.Values.Select(state => state.Build()).Where(item => item is not null).Select(item => item!).ToList();
        if (_terminal is { } terminal)
        {
            return terminal.Output is { Count: > 0 } ? terminal : terminal with { Output = items };
        }

        return (_snapshot ?? new GrokResponse { Object = "response", Status = "in_progress" }) with { Output = items };
    }

    private ItemState State(ResponseStreamEvent streamEvent)
    {
        var index = streamEvent.OutputIndex ?? (_items.Count == 0 ? 0 : _items.Keys.Max());
        if (!_items.TryGetValue(index, out var state))
        {
            state = new ItemState { ItemId = streamEvent.ItemId };
            _items[index] = state;
        }

        return state;
    }

    /// <summary>One output item as it builds up.</summary>
    private sealed class ItemState
    {
        private readonly SortedDictionary<int, StringBuilder> _texts = [];
        private readonly SortedDictionary<int, List<ResponseAnnotation>> _annotations = [];
        private readonly SortedDictionary<int, StringBuilder> _summaries = [];
        private ResponseItem? _item;
        private bool _done;

        public string? ItemId { get; init; }

        public StringBuilder Arguments { get; } = new();

        public StringBuilder Reasoning { get; } = new();

        public void SetItem(ResponseItem item, bool done)
        {
            _item = item;
            _done = done;
        }

        public StringBuilder Text(int index) => Get(_texts, index);

        public StringBuilder Summary(int index) => Get(_summaries, index);

        public List<ResponseAnnotation> Annotations(int index)
        {
            if (!_annotations.TryGetValue(index, out var list))
            {
                list = [];
                _annotations[index] = list;
            }

            return list;
        }

        public ResponseItem? Build()
        {
            if (_done)
            {
                return _item;
            }

            switch (_item)
            {
                case ResponseMessageItem message:
                    return new ResponseMessageItem
                    {
                        Id = message.Id,
                        Status = message.Status,
                        Role = message.Role,
                        Content = BuildParts(),
                        AdditionalProperties = message.AdditionalProperties,
                    };
                case FunctionCallItem call when Arguments.Length > 0:
                    return new FunctionCallItem
                    {
                        Id = call.Id,
                        Status = call.Status,
                        CallId = call.CallId,
                        Name = call.Name,
                        Arguments = Arguments.ToString(),
                        AdditionalProperties = call.AdditionalProperties,
                    };
                case ReasoningItem reasoning when _summaries.Count > 0 || Reasoning.Length > 0:
                    return new ReasoningItem
                    {
                        Id = reasoning.Id,
                        Status = reasoning.Status,
                        Summary = _summaries.Count > 0 ? [.. _summaries.Values.Select(s => new ReasoningPart { Type = "summary_text", Text = s.ToString() })] : reasoning.Summary,
                        Content = Reasoning.Length > 0 ? [new ReasoningPart { Type = "reasoning_text", Text = Reasoning.ToString() }] : reasoning.Content,
                        EncryptedContent = reasoning.EncryptedContent,
                        AdditionalProperties = reasoning.AdditionalProperties,
                    };
                case null when _texts.Count > 0:
                    return new ResponseMessageItem { Id = ItemId, Status = "in_progress", Content = BuildParts() };
                default:
                    return _item;
            }
        }

        private List<ResponseContentPart> BuildParts()
        {
            var indexes = _texts.Keys.Union(_annotations.Keys).Order();
            return
            [
                .. indexes.Select(i => new ResponseContentPart
                {
                    Type = "output_text",
                    Text = _texts.TryGetValue(i, out var text) ? text.ToString() : "",
                    Annotations = _annotations.TryGetValue(i, out var annotations) ? annotations : [],
                }),
            ];
        }

        private static StringBuilder Get(SortedDictionary<int, StringBuilder> builders, int index)
        {
            if (!builders.TryGetValue(index, out var builder))
            {
                builder = new StringBuilder();
                builders[index] = builder;
            }

            return builder;
        }
    }
}
