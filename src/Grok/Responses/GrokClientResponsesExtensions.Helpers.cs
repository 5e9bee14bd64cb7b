using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Grok.Responses;

namespace Grok;

/// <content>One-call answers, structured output, the function-calling loop and stream helpers.</content>
public static partial class GrokClientResponsesExtensions
{
    /// <summary>The default bound of <see cref="RunWithFunctionsAsync"/>: model turns before it gives up.</summary>
    public const int DefaultMaxFunctionTurns = 8;

    /// <summary>Asks one question through the Responses API and returns the answer's text.</summary>
    /// <param name="client">The client.</param>
    /// <param name="prompt">The question.</param>
    /// <param name="model">The model; <see cref="GrokClientOptions.DefaultModel"/> when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer's text ("" when the model answered with none).</returns>
    public static async Task<string> RespondAsync(this IGrokClient client, string prompt, string? model = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(prompt);
        var response = await client.CreateResponseAsync(new ResponseRequest { Model = model, Input = prompt }, cancellationToken).ConfigureAwait(false);
        return response.OutputText;
    }

    /// <summary>
    /// Asks for an answer shaped as <typeparamref name="T"/> (a flat <c>json_schema</c> text format from the type) and
    /// reads it back as <typeparamref name="T"/>.
    /// </summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="client">The client.</param>
    /// <param name="request">The request; its text format is replaced, the caller's object is not changed.</param>
    /// <param name="options">JSON options that know <typeparamref name="T"/>; <see cref="GrokJson.DefaultOptions"/> when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="JsonException">The answer does not read as <typeparamref name="T"/>; the message quotes it.</exception>
    public static async Task<T> CreateStructuredResponseAsync<T>(
        this IGrokClient client,
        ResponseRequest request,
        JsonSerializerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var text = new ResponseTextOptions { Format = ResponseSchemas.TextFormatFor<T>(options, strict: true), AdditionalProperties = request.Text?.AdditionalProperties };
        var response = await client.CreateResponseAsync(request with { Text = text }, cancellationToken).ConfigureAwait(false);
        return response.GetOutputAs<T>(options);
    }

    /// <summary>Reads a response's text as JSON of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="response">The response.</param>
    /// <param name="options">JSON options that know <typeparamref name="T"/>; <see cref="GrokJson.DefaultOptions"/> when null.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The text is missing or does not read as <typeparamref name="T"/>.</exception>
    public static T GetOutputAs<T>(this GrokResponse response, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        return GrokSchema.ReadJson<T>(response.OutputText, options, $"The text of response {response.Id} ({response.Status})");
    }

    /// <summary>Reads a function call's arguments as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The arguments' type.</typeparam>
    /// <param name="call">The call.</param>
    /// <param name="options">JSON options that know <typeparamref name="T"/>; <see cref="GrokJson.DefaultOptions"/> when null.</param>
    /// <returns>The arguments.</returns>
    /// <exception cref="JsonException">The arguments do not read as <typeparamref name="T"/>.</exception>
    public static T GetArguments<T>(this FunctionCallItem call, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        return GrokSchema.ReadJson<T>(call.Arguments, options, $"The arguments of function call {call.CallId} ({call.Name})");
    }

    /// <summary>
    /// Runs the function-calling loop: sends <paramref name="request"/>, runs each function the model calls (by name, from
    /// <paramref name="functions"/>), sends the results back as <c>function_call_output</c> items (continuing with
    /// <c>previous_response_id</c>, or with the whole conversation when <see cref="ResponseRequest.Store"/> is false) until
    /// the model answers without calling a function.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The first request, with the function tools (<see cref="ResponseTool.Function{TArguments}"/>).</param>
    /// <param name="functions">The functions by name: each gets the arguments JSON and returns the result text (usually JSON).
    /// A call of a name not here is answered with an error the model can read.</param>
    /// <param name="maxTurns">The most model calls before giving up (8 by default).</param>
    /// <param name="cancellationToken">Cancels the loop, including a running function.</param>
    /// <returns>The final response, which calls no function.</returns>
    /// <exception cref="InvalidOperationException">The model still called functions after <paramref name="maxTurns"/> turns.</exception>
    public static async Task<GrokResponse> RunWithFunctionsAsync(
        this IGrokClient client,
        ResponseRequest request,
        IReadOnlyDictionary<string, Func<string, CancellationToken, Task<string>>> functions,
        int maxTurns = DefaultMaxFunctionTurns,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTurns, 1);

        List<ResponseInputItem>? history = request.Store == false ? [.. request.Input?.Append() ?? []] : null;
        var next = request;
        for (var turn = 1; ; turn++)
        {
            var response = await client.CreateResponseAsync(next, cancellationToken).ConfigureAwait(false);
            var calls = response.FunctionCalls;
            if (calls.Count == 0)
            {
                return response;
            }

            if (turn >= maxTurns)
            {
                throw new InvalidOperationException(
                    $"The model still called functions ({string.Join(", ", calls.Select(c => c.Name))}) after {maxTurns} turns; raise maxTurns or check the functions' results.");
            }

            var results = new List<ResponseInputItem>(calls.Count);
            foreach (var call in calls)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var output = functions.TryGetValue(call.Name, out var function)
                    ? await function(call.Arguments, cancellationToken).ConfigureAwait(false) ?? ""
                    : JsonSerializer.Serialize($"No function named {call.Name} is available.", GrokJsonContext.Default.String);
                results.Add(ResponseInputItem.FunctionCallOutput(call.CallId, output));
            }

            if (history is not null)
            {
                history.AddRange(response.Output);
                history.AddRange(results);
                next = request with { Input = ResponseInput.FromItems(history) };
            }
            else
            {
                next = request with { PreviousResponseId = response.Id, Input = ResponseInput.FromItems(results), Instructions = null };
            }
        }
    }

    /// <summary>Passes each piece of answer text to <paramref name="onText"/> as it arrives (e.g. to print it) and returns the folded response.</summary>
    /// <param name="events">The stream.</param>
    /// <param name="onText">Called with each text delta.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The folded response.</returns>
    public static async Task<GrokResponse> ForEachTextAsync(
        this IAsyncEnumerable<ResponseStreamEvent> events,
        Action<string> onText,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(onText);
        var accumulator = new ResponseAccumulator();
        await foreach (var e in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            accumulator.Add(e);
            if (e.Type == ResponseStreamEventTypes.OutputTextDelta && e.Delta is { Length: > 0 } text)
            {
                onText(text);
            }
        }

        return accumulator.Build();
    }

    /// <summary>Starts a conversation that carries <c>previous_response_id</c> from turn to turn.</summary>
    /// <param name="client">The client.</param>
    /// <param name="model">The model; <see cref="GrokClientOptions.DefaultModel"/> when null.</param>
    /// <param name="instructions">A system prompt for the first turn (later turns keep it).</param>
    /// <param name="tools">Tools offered on every turn.</param>
    /// <returns>The conversation.</returns>
    public static GrokConversation StartConversation(this IGrokClient client, string? model = null, string? instructions = null, IEnumerable<ResponseTool>? tools = null)
        => new(client, model, instructions, tools);
}
