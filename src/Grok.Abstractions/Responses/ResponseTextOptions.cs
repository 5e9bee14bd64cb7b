using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>Settings of the text answer (<c>text</c>).</summary>
public sealed class ResponseTextOptions
{
    /// <summary>Gets the answer's shape.</summary>
    [JsonPropertyName("format")]
    public ResponseTextFormat? Format { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
