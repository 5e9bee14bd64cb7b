using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>
/// One event of a streamed response. <see cref="Type"/> says which (see <see cref="ResponseStreamEventTypes"/>); the
/// members that kind carries are set: <see cref="Response"/> for lifecycle and terminal events, <see cref="Item"/> for
/// output items, <see cref="Part"/> for content and summary parts, <see cref="Delta"/> and <see cref="Text"/> for text,
/// reasoning and arguments, <see cref="Annotation"/> for citations. Events of types this version does not know are
/// yielded too, with their members in <see cref="AdditionalProperties"/>.
/// </summary>
public sealed class ResponseStreamEvent
{
    /// <summary>Gets the event's type, such as <c>response.output_text.delta</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    /// <summary>Gets the event's position in the stream.</summary>
    [JsonPropertyName("sequence_number")]
    public long? SequenceNumber { get; init; }

    /// <summary>Gets the response of a lifecycle or terminal event (<c>response.created</c> ... <c>response.completed</c>).</summary>
    [JsonPropertyName("response")]
    public GrokResponse? Response { get; init; }

    /// <summary>Gets the output item of <c>response.output_item.added</c> and <c>.done</c>.</summary>
    [JsonPropertyName("item")]
    public ResponseItem? Item { get; init; }

    /// <summary>Gets the index of the output item the event is about.</summary>
    [JsonPropertyName("output_index")]
    public int? OutputIndex { get; init; }

    /// <summary>Gets the id of the output item the event is about.</summary>
    [JsonPropertyName("item_id")]
    public string? ItemId { get; init; }

    /// <summary>Gets the index of the content part the event is about.</summary>
    [JsonPropertyName("content_index")]
    public int? ContentIndex { get; init; }

    /// <summary>Gets the index of the reasoning summary part the event is about.</summary>
    [JsonPropertyName("summary_index")]
    public int? SummaryIndex { get; init; }

    /// <summary>Gets the index of the annotation of <c>response.output_text.annotation.added</c>.</summary>
    [JsonPropertyName("annotation_index")]
    public int? AnnotationIndex { get; init; }

    /// <summary>Gets the part of <c>response.content_part.*</c> and <c>response.reasoning_summary_part.*</c>.</summary>
    [JsonPropertyName("part")]
    public ResponseContentPart? Part { get; init; }

    /// <summary>Gets the piece of text, reasoning or arguments of a <c>.delta</c> event.</summary>
    [JsonPropertyName("delta")]
    public string? Delta { get; init; }

    /// <summary>Gets the whole text of a <c>.done</c> text or reasoning event.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>Gets the whole arguments of <c>response.function_call_arguments.done</c>.</summary>
    [JsonPropertyName("arguments")]
    public string? Arguments { get; init; }

    /// <summary>Gets the function's name of <c>response.function_call_arguments.done</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the citation of <c>response.output_text.annotation.added</c>.</summary>
    [JsonPropertyName("annotation")]
    public ResponseAnnotation? Annotation { get; init; }

    /// <summary>Gets the token log probabilities of a text event, as sent.</summary>
    [JsonPropertyName("logprobs")]
    public JsonElement? Logprobs { get; init; }

    /// <summary>Gets the error code of an <c>error</c> event (flat form).</summary>
    [JsonPropertyName("code")]
    public JsonElement? Code { get; init; }

    /// <summary>Gets the message of an <c>error</c> event (flat form).</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>Gets the parameter an <c>error</c> event blames.</summary>
    [JsonPropertyName("param")]
    public string? Param { get; init; }

    /// <summary>Gets the error of an <c>error</c> event (nested form).</summary>
    [JsonPropertyName("error")]
    public ResponseError? Error { get; init; }

    /// <summary>Gets members this version does not model (and every member of unknown event types), kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Gets whether this is a terminal event: <c>response.completed</c>, <c>response.failed</c> or <c>response.incomplete</c>.</summary>
    [JsonIgnore]
    public bool IsTerminal => ResponseStreamEventTypes.IsTerminal(Type);

    /// <inheritdoc />
    public override string ToString() => SequenceNumber is { } n ? $"#{n} {Type}" : Type;
}
