using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>A request to <c>POST responses/compact</c>: the input window to shorten.</summary>
public sealed record CompactRequest : IGrokRequest
{
    /// <summary>Gets the model that summarizes; the client's default model when null.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Gets the whole input window, the items you would send to <c>POST responses</c>.</summary>
    [JsonPropertyName("input")]
    public ResponseInput? Input { get; init; }

    /// <summary>Gets members this version does not model, kept and sent again so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    IGrokRequest IGrokRequest.WithDefaultModel(string model) => this with { Model = model };

    /// <inheritdoc />
    public void Validate()
    {
        if (Input is null || Input.IsEmpty)
        {
            throw new ArgumentException("CompactRequest.Input is empty: pass the input window to compact.", nameof(Input));
        }
    }
}
