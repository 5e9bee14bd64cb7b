using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>A page of a stored response's input items (<c>GET responses/{response_id}/input_items</c>).</summary>
public sealed class ResponseInputItemList
{
    /// <summary>Gets the object type, <c>list</c>.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>Gets the items of this page, each with its <see cref="ResponseInputItem.Id"/>.</summary>
    [JsonPropertyName("data")]
    public IList<ResponseInputItem> Data { get; init; } = [];

    /// <summary>Gets the id of the first item of this page.</summary>
    [JsonPropertyName("first_id")]
    public string? FirstId { get; init; }

    /// <summary>Gets the id of the last item of this page; pass it as <c>after</c> for the next page.</summary>
    [JsonPropertyName("last_id")]
    public string? LastId { get; init; }

    /// <summary>Gets whether more items follow this page.</summary>
    [JsonPropertyName("has_more")]
    public bool HasMore { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
