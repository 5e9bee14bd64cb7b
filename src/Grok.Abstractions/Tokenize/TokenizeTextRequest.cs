using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Tokenize;

/// <summary>A request to <c>POST tokenize-text</c>.</summary>
public sealed record TokenizeTextRequest : IGrokRequest
{
    /// <summary>The text to tokenize.</summary>
    [JsonPropertyName("text")]
    public string Text { get; init; } = "";

    /// <summary>The model whose tokenizer to use; the client's default when null.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>An end-user id.</summary>
    [JsonPropertyName("user")]
    public string? User { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    IGrokRequest IGrokRequest.WithDefaultModel(string model) => this with { Model = model };

    /// <inheritdoc />
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Text, nameof(Text));
    }
}
