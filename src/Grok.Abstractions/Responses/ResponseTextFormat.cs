using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>
/// The shape of the answer (<c>text.format</c>): <c>text</c>, <c>json_object</c>, or <c>json_schema</c> whose
/// <c>name</c>, <c>schema</c> and <c>strict</c> sit flat on the format (unlike chat's nested <c>json_schema</c>).
/// </summary>
public sealed class ResponseTextFormat
{
    /// <summary>Gets the kind: <c>text</c>, <c>json_object</c> or <c>json_schema</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "text";

    /// <summary>Gets the schema's name (<c>json_schema</c>).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the schema's description (<c>json_schema</c>).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Gets the JSON schema the answer must follow (<c>json_schema</c>).</summary>
    [JsonPropertyName("schema")]
    public JsonElement? Schema { get; init; }

    /// <summary>Gets whether the answer must follow the schema exactly (<c>json_schema</c>).</summary>
    [JsonPropertyName("strict")]
    public bool? Strict { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Gets plain text answers.</summary>
    public static ResponseTextFormat Text { get; } = new() { Type = "text" };

    /// <summary>Gets answers that are any JSON object.</summary>
    public static ResponseTextFormat JsonObject { get; } = new() { Type = "json_object" };

    /// <summary>Answers that follow a JSON schema.</summary>
    /// <param name="name">The schema's name.</param>
    /// <param name="schema">The schema.</param>
    /// <param name="strict">Whether the answer must follow it exactly; left out when null.</param>
    /// <returns>The format.</returns>
    public static ResponseTextFormat JsonSchema(string name, JsonElement schema, bool? strict = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new() { Type = "json_schema", Name = name, Schema = schema, Strict = strict };
    }
}
