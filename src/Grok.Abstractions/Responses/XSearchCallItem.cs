using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>An X search xAI ran (<c>x_search_call</c>).</summary>
public sealed class XSearchCallItem : ServerToolCallItem
{
    /// <summary>Initializes a new instance of the <see cref="XSearchCallItem"/> class.</summary>
    public XSearchCallItem() => Type = "x_search_call";
}
