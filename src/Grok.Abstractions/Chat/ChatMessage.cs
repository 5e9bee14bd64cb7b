using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>A message of a conversation: system, user, assistant or tool.</summary>
public sealed class ChatMessage
{
    /// <summary><c>system</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>.</summary>
    [JsonPropertyName("role")]
    public string Role { get; init; } = "user";

    /// <summary>Gets the text. For a multi-part message, the text parts joined.</summary>
    [JsonIgnore]
    public string? Content { get; init; }

    /// <summary>Gets the parts of a multi-part message (text and images); null for a plain text message.</summary>
    [JsonIgnore]
    public IList<ChatContentPart>? ContentParts { get; init; }

    /// <summary>A name telling apart participants of the same role.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The reasoning of a reasoning model's answer.</summary>
    [JsonPropertyName("reasoning_content")]
    public string? ReasoningContent { get; init; }

    /// <summary>A refusal, if the model refused.</summary>
    [JsonPropertyName("refusal")]
    public string? Refusal { get; init; }

    /// <summary>The tools an assistant message calls.</summary>
    [JsonPropertyName("tool_calls")]
    public IReadOnlyList<ToolCall>? ToolCalls { get; init; }

    /// <summary>The call a tool message answers.</summary>
    [JsonPropertyName("tool_call_id")]
    public string? ToolCallId { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The wire form of <c>content</c>: a string, or an array of parts.</summary>
    [JsonInclude]
    [JsonPropertyName("content")]
    [JsonConverter(typeof(MessageContentConverter))]
    internal MessageContent? WireContent
    {
        get => Content is null && ContentParts is null ? null : new MessageContent(Content, ContentParts);
        init
        {
            Content = value?.Text;
            ContentParts = value?.Parts;
        }
    }

    /// <summary>A system message (instructions).</summary>
    /// <param name="content">The text.</param>
    /// <returns>The message.</returns>
    public static ChatMessage System(string content) => new() { Role = "system", Content = content };

    /// <summary>A user message.</summary>
    /// <param name="content">The text.</param>
    /// <returns>The message.</returns>
    public static ChatMessage User(string content) => new() { Role = "user", Content = content };

    /// <summary>A user message of several parts, such as text and images.</summary>
    /// <param name="parts">The parts.</param>
    /// <returns>The message.</returns>
    public static ChatMessage User(params ChatContentPart[] parts) => new() { Role = "user", ContentParts = parts, Content = JoinText(parts) };

    /// <summary>An assistant message (a previous answer, for history).</summary>
    /// <param name="content">The text.</param>
    /// <returns>The message.</returns>
    public static ChatMessage Assistant(string content) => new() { Role = "assistant", Content = content };

    /// <summary>A tool message: the result of a tool call.</summary>
    /// <param name="toolCallId">The id of the call it answers.</param>
    /// <param name="content">The result, usually JSON.</param>
    /// <returns>The message.</returns>
    public static ChatMessage Tool(string toolCallId, string content) => new() { Role = "tool", ToolCallId = toolCallId, Content = content };

    private static string? JoinText(IEnumerable<ChatContentPart>? parts)
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

    /// <summary>The content of a message as it travels: text or parts. Use <see cref="Content"/> and <see cref="ContentParts"/> instead.</summary>
    /// <param name="Text">The text, or the text parts joined.</param>
    /// <param name="Parts">The parts, or null for plain text.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed record MessageContent(string? Text, IList<ChatContentPart>? Parts);

    /// <summary>Reads <c>content</c> as a string or an array of parts; writes it back the same way.</summary>
    internal sealed class MessageContentConverter : JsonConverter<MessageContent>
    {
        public override MessageContent? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.String:
                    return new MessageContent(reader.GetString(), null);
                case JsonTokenType.StartArray:
                    var parts = JsonSerializer.Deserialize(ref reader, GrokJsonContext.Default.IListChatContentPart) ?? [];
                    return new MessageContent(JoinText(parts), parts);
                default:
                    throw new JsonException("A message's content must be a string or an array of parts.");
            }
        }

        public override void Write(Utf8JsonWriter writer, MessageContent value, JsonSerializerOptions options)
        {
            if (value.Parts is not null)
            {
                JsonSerializer.Serialize(writer, value.Parts, GrokJsonContext.Default.IListChatContentPart);
            }
            else
            {
                writer.WriteStringValue(value.Text);
            }
        }
    }
}
