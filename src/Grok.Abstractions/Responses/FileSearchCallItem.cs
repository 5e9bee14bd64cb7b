using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>A search of your collections xAI ran (<c>file_search_call</c>).</summary>
public sealed class FileSearchCallItem : ServerToolCallItem
{
    /// <summary>Initializes a new instance of the <see cref="FileSearchCallItem"/> class.</summary>
    public FileSearchCallItem() => Type = "file_search_call";

    /// <summary>Gets the queries used.</summary>
    [JsonPropertyName("queries")]
    public IList<string>? Queries { get; init; }

    /// <summary>Gets the chunks found.</summary>
    [JsonPropertyName("results")]
    public IList<FileSearchResult>? Results { get; init; }
}
