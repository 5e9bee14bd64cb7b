using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>
/// One item of a response's <c>output</c>: a <see cref="ResponseMessageItem"/>, a <see cref="FunctionCallItem"/>,
/// a <see cref="ReasoningItem"/>, a server-side tool call (<see cref="ServerToolCallItem"/>), or a kind this version
/// does not know, kept with its JSON (<see cref="UnknownResponseItem"/>). Any of them can be sent back as input.
/// </summary>
[JsonConverter(typeof(ResponseItemJsonConverter.Output))]
public abstract class ResponseItem : ResponseInputItem
{
    /// <summary>Initializes a new instance of the <see cref="ResponseItem"/> class.</summary>
    private protected ResponseItem()
    {
    }

    /// <summary>Gets the item's status: <c>completed</c>, <c>in_progress</c>, <c>incomplete</c> (or a tool's own, such as <c>searching</c>).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }
}
