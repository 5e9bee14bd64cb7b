using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>A message from the model (<c>message</c>): <c>output_text</c> parts with their citations, or a refusal.</summary>
public sealed class ResponseMessageItem : ResponseItem
{
    /// <summary>Initializes a new instance of the <see cref="ResponseMessageItem"/> class.</summary>
    public ResponseMessageItem() => Type = "message";

    /// <summary>Gets the role, <c>assistant</c>.</summary>
    [JsonPropertyName("role")]
    public string Role { get; init; } = "assistant";

    /// <summary>Gets the parts.</summary>
    [JsonPropertyName("content")]
    public IList<ResponseContentPart> Content { get; init; } = [];

    /// <summary>Gets every <c>output_text</c> part's text, joined ("" when there is none).</summary>
    [JsonIgnore]
    public string Text
    {
        get
        {
            var text = new StringBuilder();
            foreach (var part in Content ?? [])
            {
                if (part.Type == "output_text")
                {
                    text.Append(part.Text);
                }
            }

            return text.ToString();
        }
    }

    /// <summary>Gets the citations of every part, in order.</summary>
    [JsonIgnore]
    public IReadOnlyList<ResponseAnnotation> Annotations
        => (Content ?? []).SelectMany(part => part.Annotations ?? []).ToList();
}
