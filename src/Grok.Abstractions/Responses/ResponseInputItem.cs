using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>
/// One item of a request's <c>input</c>: a message (<see cref="User(string)"/>, <see cref="System"/>,
/// <see cref="Developer"/>, <see cref="Assistant"/>), a function's result (<see cref="FunctionCallOutput(string, string)"/>),
/// a compaction, or any earlier output item (<see cref="ResponseItem"/>) sent back as it came.
/// Kinds this version does not know are kept as <see cref="UnknownResponseItem"/> with their JSON.
/// </summary>
[JsonConverter(typeof(ResponseItemJsonConverter.Input))]
public abstract class ResponseInputItem
{
    /// <summary>Initializes a new instance of the <see cref="ResponseInputItem"/> class.</summary>
    private protected ResponseInputItem()
    {
    }

    /// <summary>Gets the item's kind, such as <c>message</c>, <c>function_call_output</c> or <c>reasoning</c>; null for a message sent without one.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the item's id (output items and listed input items have one).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Gets members this version does not model, kept and sent again so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A user message.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The item.</returns>
    public static ResponseInputMessage User(string text) => ResponseInputMessage.Create("user", text);

    /// <summary>A user message of several parts, such as text, images and files.</summary>
    /// <param name="parts">The parts (see <see cref="ResponseContentPart"/>'s factories).</param>
    /// <returns>The item.</returns>
    public static ResponseInputMessage User(params ResponseContentPart[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return new ResponseInputMessage { Role = "user", ContentParts = parts };
    }

    /// <summary>A system message (instructions).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The item.</returns>
    public static ResponseInputMessage System(string text) => ResponseInputMessage.Create("system", text);

    /// <summary>A developer message (instructions, as OpenAI names them).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The item.</returns>
    public static ResponseInputMessage Developer(string text) => ResponseInputMessage.Create("developer", text);

    /// <summary>An assistant message, for history you keep yourself.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The item.</returns>
    public static ResponseInputMessage Assistant(string text) => ResponseInputMessage.Create("assistant", text);

    /// <summary>The result of a function call the model asked for (<see cref="FunctionCallItem"/>).</summary>
    /// <param name="callId">The call's <see cref="FunctionCallItem.CallId"/>.</param>
    /// <param name="output">The result, usually JSON.</param>
    /// <returns>The item.</returns>
    public static FunctionCallOutputItem FunctionCallOutput(string callId, string output)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        ArgumentNullException.ThrowIfNull(output);
        return new FunctionCallOutputItem { CallId = callId, Output = output };
    }

    /// <summary>A compaction from <c>POST responses/compact</c>, sent back as it came.</summary>
    /// <param name="encryptedContent">The opaque compacted conversation.</param>
    /// <returns>The item.</returns>
    public static CompactionItem Compaction(string encryptedContent)
    {
        ArgumentException.ThrowIfNullOrEmpty(encryptedContent);
        return new CompactionItem { EncryptedContent = encryptedContent };
    }
}
