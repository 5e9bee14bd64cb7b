using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Grok.Responses;

namespace Grok;

/// <summary>
/// A conversation on the Responses API: each turn continues the last stored response (<c>previous_response_id</c>), so
/// only the new input travels. Not thread-safe: one turn at a time.
/// </summary>
public sealed class GrokConversation
{
    private readonly IGrokClient _client;
    private readonly IReadOnlyList<ResponseTool>? _tools;

    /// <summary>Initializes a new instance of the <see cref="GrokConversation"/> class.</summary>
    /// <param name="client">The client.</param>
    /// <param name="model">The model; <see cref="GrokClientOptions.DefaultModel"/> when null.</param>
    /// <param name="instructions">A system prompt for the first turn (later turns keep it).</param>
    /// <param name="tools">Tools offered on every turn.</param>
    public GrokConversation(IGrokClient client, string? model = null, string? instructions = null, IEnumerable<ResponseTool>? tools = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        Model = model;
        Instructions = instructions;
        _tools = tools is null ? null : [.. tools];
    }

    /// <summary>Gets the model, or null for the client's default.</summary>
    public string? Model { get; }

    /// <summary>Gets the system prompt of the first turn.</summary>
    public string? Instructions { get; }

    /// <summary>Gets the id of the last response, which the next turn continues; null before the first turn.</summary>
    public string? LastResponseId { get; private set; }

    /// <summary>Sends one turn and returns the response.</summary>
    /// <param name="input">The new input: text, or items such as function results.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response.</returns>
    public async Task<GrokResponse> SendAsync(ResponseInput input, CancellationToken cancellationToken = default)
    {
        var response = await _client.CreateResponseAsync(NextRequest(input), cancellationToken).ConfigureAwait(false);
        LastResponseId = response.Id;
        return response;
    }

    /// <summary>Sends one turn of text and returns the answer's text.</summary>
    /// <param name="text">The user's text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer's text.</returns>
    public async Task<string> AskAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return (await SendAsync(text, cancellationToken).ConfigureAwait(false)).OutputText;
    }

    /// <summary>Streams one turn; the conversation moves on when the terminal event arrives.</summary>
    /// <param name="input">The new input.</param>
    /// <param name="cancellationToken">Cancels the call and the stream.</param>
    /// <returns>The events.</returns>
    public async IAsyncEnumerable<ResponseStreamEvent> StreamAsync(ResponseInput input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in _client.StreamResponseAsync(NextRequest(input), cancellationToken).ConfigureAwait(false))
        {
            if (e.IsTerminal && e.Response is { Id.Length: > 0 } response)
            {
                LastResponseId = response.Id;
            }

            yield return e;
        }
    }

    /// <summary>Forgets the conversation: the next turn starts a new one.</summary>
    public void Reset() => LastResponseId = null;

    private ResponseRequest NextRequest(ResponseInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ResponseRequest
        {
            Model = Model,
            Input = input,
            PreviousResponseId = LastResponseId,
            Instructions = LastResponseId is null ? Instructions : null,
            Tools = _tools is null ? null : [.. _tools],
        };
    }
}
