using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>Code xAI ran (<c>code_interpreter_call</c>).</summary>
public sealed class CodeInterpreterCallItem : ServerToolCallItem
{
    /// <summary>Initializes a new instance of the <see cref="CodeInterpreterCallItem"/> class.</summary>
    public CodeInterpreterCallItem() => Type = "code_interpreter_call";

    /// <summary>Gets the code, when xAI reports it apart from <see cref="ServerToolCallItem.Arguments"/>.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    /// <summary>Gets the logs and images the code produced.</summary>
    [JsonPropertyName("outputs")]
    public IList<CodeInterpreterOutput>? Outputs { get; init; }
}
