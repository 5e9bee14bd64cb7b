using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>A message going in: <c>user</c>, <c>system</c>, <c>developer</c> or <c>assistant</c>, with text or parts.</summary>
public sealed class ResponseInputMessage : ResponseInputItem
{
    /// <summary>Gets the role: <c>user</c>, <c>system</c>, <c>developer</c> or <c>assistant</c>.</summary>
    [JsonPropertyName("role")]
    public string Role { get; init; } = "user";

    /// <summary>Gets the text, or for a message of parts the text parts joined.</summary>
    [JsonIgnore]
    public string? Content
    {
        get => _content ?? JoinText(ContentParts);
        init => _content = value;
    }

    /// <summary>Gets the parts of a message of parts; null for a plain text message.</summary>
    [JsonIgnore]
    public IList<ResponseContentPart>? ContentParts { get; init; }

    /// <summary>Gets an end-user name (user messages only).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the wire form of <c>content</c>: a string, or an array of parts.</summary>
    [JsonInclude]
    [JsonPropertyName("content")]
    internal JsonElement? WireContent
    {
        get => ContentParts is not null
            ? JsonSerializer.SerializeToElement(ContentParts, GrokJsonContext.Default.IListResponseContentPart)
            : _content is null ? null : JsonSerializer.SerializeToElement(_content, GrokJsonContext.Default.String);
        init
        {
            switch (value?.ValueKind)
            {
                case JsonValueKind.String:
                    _content = value.Value.GetString();
                    break;
                case JsonValueKind.Array:
                    ContentParts = value.Value.Deserialize(GrokJsonContext.Default.IListResponseContentPart);
                    break;
                case null or JsonValueKind.Null:
                    break;
                default:
                    throw new JsonException("A message's content must be a string or an array of parts.");
            }
        }
    }

    private readonly string? _content;

    internal static ResponseInputMessage Create(string role, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new ResponseInputMessage { Role = role, Content = text };
    }

    private static string? JoinText(IList<ResponseContentPart>? parts)
    {
        if (parts is null)
        {
            return null;
        }

        StringBuilder? text = null;
        foreach (var part in parts)
        {
            if (part.Text is not null)
            {
                (text ??= new StringBuilder()).Append(part.Text);
            }
        }

        return text?.ToString();
    }
}
