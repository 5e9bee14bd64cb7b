using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>A call of one of your function tools (<c>function_call</c>): run it and answer with <see cref="ResponseInputItem.FunctionCallOutput(string, string)"/>.</summary>
public sealed class FunctionCallItem : ResponseItem
{
    /// <summary>Initializes a new instance of the <see cref="FunctionCallItem"/> class.</summary>
    public FunctionCallItem() => Type = "function_call";

    /// <summary>Gets the id to answer with.</summary>
    [JsonPropertyName("call_id")]
    public string CallId { get; init; } = "";

    /// <summary>Gets the function's name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>Gets the arguments, a JSON object as text.</summary>
    [JsonPropertyName("arguments")]
    public string Arguments { get; init; } = "";
}
