using System.Collections.Generic;
using System.Text;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>The model's reasoning (<c>reasoning</c>): summaries, reasoning text, and encrypted reasoning to send back.</summary>
public sealed class ReasoningItem : ResponseItem
{
    /// <summary>Initializes a new instance of the <see cref="ReasoningItem"/> class.</summary>
    public ReasoningItem() => Type = "reasoning";

    /// <summary>Gets the summaries of the reasoning.</summary>
    [JsonPropertyName("summary")]
    public IList<ReasoningPart> Summary { get; init; } = [];

    /// <summary>Gets the reasoning text, when the model shows it.</summary>
    [JsonPropertyName("content")]
    public IList<ReasoningPart>? Content { get; init; }

    /// <summary>Gets the encrypted reasoning, returned when <c>include</c> has <c>reasoning.encrypted_content</c>; send the item back to continue it.</summary>
    [JsonPropertyName("encrypted_content")]
    public string? EncryptedContent { get; init; }

    /// <summary>Gets the summaries and reasoning text joined ("" when there is none).</summary>
    [JsonIgnore]
    public string Text
    {
        get
        {
            var text = new StringBuilder();
            foreach (var part in Summary ?? [])
            {
                text.Append(part.Text);
            }

            foreach (var part in Content ?? [])
            {
                text.Append(part.Text);
            }

            return text.ToString();
        }
    }
}
