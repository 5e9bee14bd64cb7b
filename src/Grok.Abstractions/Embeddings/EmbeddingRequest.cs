using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Embeddings;

/// <summary>A request to <c>POST embeddings</c>.</summary>
public sealed record EmbeddingRequest : IGrokRequest
{
    /// <summary>The texts to embed (at most 128).</summary>
    [JsonPropertyName("input")]
    public IList<string> Input { get; init; } = [];

    /// <summary>The embedding model; the client's default when null.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary><c>float</c> (default) or <c>base64</c>; both are read into <see cref="Embedding.Vector"/>.</summary>
    [JsonPropertyName("encoding_format")]
    public string? EncodingFormat { get; init; }

    /// <summary>The number of dimensions, when the model allows fewer.</summary>
    [JsonPropertyName("dimensions")]
    public int? Dimensions { get; init; }

    /// <summary>An end-user id for abuse monitoring.</summary>
    [JsonPropertyName("user")]
    public string? User { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    IGrokRequest IGrokRequest.WithDefaultModel(string model) => this;

    /// <inheritdoc />
    public void Validate()
    {
        if (Input is null || Input.Count == 0)
        {
            throw new ArgumentException("EmbeddingRequest.Input is empty: give at least one text to embed.", nameof(Input));
        }

        if (Input.Count > 128)
        {
            throw new ArgumentException($"EmbeddingRequest.Input has {Input.Count} texts; xAI embeds at most 128 per request.", nameof(Input));
        }
    }
}
