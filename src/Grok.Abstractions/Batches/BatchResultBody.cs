using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Batches;

/// <summary>The <c>batch_result</c> of a <see cref="BatchResult"/>: an error, or a response under the name of its kind.</summary>
public sealed class BatchResultBody
{
    /// <summary>Why the request failed, when it did.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>
    /// The response as sent: an object with one member named after its kind (<c>chat_get_completion</c>,
    /// <c>image_generation</c>, <c>video_generation</c>, <c>responses</c>), or the string <c>unknown</c>.
    /// <see cref="BatchResult"/> reads it into the typed models.
    /// </summary>
    [JsonPropertyName("response")]
    public JsonElement? Response { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
