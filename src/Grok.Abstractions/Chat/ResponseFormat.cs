using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>The shape of the answer: <c>text</c>, <c>json_object</c>, or <c>json_schema</c> (structured output).</summary>
public sealed class ResponseFormat
{
    /// <summary><c>text</c>, <c>json_object</c> or <c>json_schema</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "text";

    /// <summary>The schema of a <c>json_schema</c> format.</summary>
    [JsonPropertyName("json_schema")]
    public JsonSchemaFormat? JsonSchema { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Gets plain text answers.</summary>
    public static ResponseFormat Text { get; } = new() { Type = "text" };

    /// <summary>Gets any JSON object.</summary>
    public static ResponseFormat JsonObject { get; } = new() { Type = "json_object" };

    /// <summary>An answer that follows a JSON schema.</summary>
    /// <param name="name">The schema's name.</param>
    /// <param name="schema">The JSON schema.</param>
    /// <param name="strict">Whether the answer must follow it exactly.</param>
    /// <param name="description">What the schema describes.</param>
    /// <returns>The format.</returns>
    public static ResponseFormat ForJsonSchema(string name, JsonElement schema, bool? strict = true, string? description = null)
        => new() { Type = "json_schema", JsonSchema = new JsonSchemaFormat { Name = name, Schema = schema, Strict = strict, Description = description } };
}
