using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Grok.Chat;

/// <summary>
/// Folds stream chunks into the <see cref="ChatCompletion"/> the plain call would have returned: content and reasoning
/// concatenated, tool calls merged by index, the last finish reason, the last usage seen, citations. Not thread-safe.
/// </summary>
public sealed class ChatCompletionAccumulator
{
    private readonly SortedDictionary<int, ChoiceState> _choices = [];
    private string? _id;
    private string? _model;
    private string? _systemFingerprint;
    private long _created;
    private Usage? _usage;
    private IReadOnlyList<string>? _citations;

    /// <summary>Gets how many chunks were added.</summary>
    public int ChunkCount { get; private set; }

    /// <summary>Gets the last usage seen (the final usage chunk, or the cumulative usage of older streams).</summary>
    public Usage? Usage => _usage;

    /// <summary>Adds the next chunk.</summary>
    /// <param name="chunk">The chunk.</param>
    public void Add(ChatCompletionChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        ChunkCount++;
        _id ??= chunk.Id;
        _model ??= chunk.Model;
        _systemFingerprint ??= chunk.SystemFingerprint;
        if (_created == 0)
        {
            _created = chunk.Created;
        }

        _usage = chunk.Usage ?? _usage;
        _citations = chunk.Citations ?? _citations;

        foreach (var choice in chunk.Choices ?? [])
        {
            if (choice is null)
            {
                continue; // a malformed chunk: nothing to fold
            }

            if (!_choices.TryGetValue(choice.Index, out var state))
            {
                _choices[choice.Index] = state = new ChoiceState();
            }

            state.Add(choice);
        }
    }

    /// <summary>Builds the completion from the chunks so far.</summary>
    /// <returns>The completion.</returns>
    public ChatCompletion Build() => new()
    {
        Id = _id,
        Object = "chat.completion",
        Created = _created,
        Model = _model,
        SystemFingerprint = _systemFingerprint,
        Usage = _usage,
        Citations = _citations,
        Choices = _choices.Select(pair => pair.Value.Build(pair.Key)).ToArray(),
    };

    private sealed class ChoiceState
    {
        private readonly StringBuilder _content = new();
        private readonly StringBuilder _reasoning = new();
        private readonly List<ToolCallState> _toolCalls = [];
        private readonly List<TokenLogprob> _logprobs = [];
        private string? _role;
        private string? _refusal;
        private string? _finishReason;
        private bool _sawContent;
        private bool _sawReasoning;

        public void Add(ChatCompletionChunkChoice choice)
        {
            _finishReason = choice.FinishReason ?? _finishReason;
            if (choice.Logprobs?.Content is { } logprobs)
            {
                _logprobs.AddRange(logprobs);
            }

            if (choice.Delta is not { } delta)
            {
                return;
            }

            _role ??= delta.Role;
            if (delta.Content is not null)
            {
                _sawContent = true;
                _content.Append(delta.Content);
            }

            if (delta.ReasoningContent is not null)
            {
                _sawReasoning = true;
                _reasoning.Append(delta.ReasoningContent);
            }

            if (delta.Refusal is not null)
            {
                _refusal += delta.Refusal;
            }

            foreach (var fragment in delta.ToolCalls ?? [])
            {
                if (fragment is null)
                {
                    continue;
                }

                var state = fragment.Index is { } index ? _toolCalls.Find(t => t.Index == index) : null;
                if (state is null)
                {
                    state = new ToolCallState(fragment.Index ?? _toolCalls.Count);
                    _toolCalls.Add(state);
                }

                state.Add(fragment);
            }
        }

        public ChatCompletionChoice Build(int index) => new()
        {
            Index = index,
            FinishReason = _finishReason,
            Logprobs = _logprobs.Count > 0 ? new ChatLogprobs { Content = _logprobs.ToArray() } : null,
            Message = new ChatMessage
            {
                Role = _role ?? "assistant",
                Content = _sawContent ? _content.ToString() : null,
                ReasoningContent = _sawReasoning ? _reasoning.ToString() : null,
                Refusal = _refusal,
                ToolCalls = _toolCalls.Count > 0 ? _toolCalls.OrderBy(t => t.Index).Select(t => t.Build()).ToArray() : null,
            },
        };
    }

    private sealed class ToolCallState(int index)
    {
        private readonly StringBuilder _arguments = new();
        private string? _id;
        private string? _type;
        private string? _name;

        public int Index { get; } = index;

        public void Add(ToolCall fragment)
        {
            _id ??= fragment.Id;
            _type ??= fragment.Type;
            if (fragment.Function is { } function)
            {
                _name ??= function.Name;
                _arguments.Append(function.Arguments);
            }
        }

        public ToolCall Build() => new()
        {
            Id = _id,
            Type = _type ?? "function",
            Function = new FunctionCall { Name = _name, Arguments = _arguments.ToString() },
        };
    }
}
