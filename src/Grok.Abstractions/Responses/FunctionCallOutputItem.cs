using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>The result of a function call, sent back to the model (<c>function_call_output</c>).</summary>
public sealed class FunctionCallOutputItem : ResponseInputItem
{
    /// <summary>Initializes a new instance of the <see cref="FunctionCallOutputItem"/> class.</summary>
    public FunctionCallOutputItem() => Type = "function_call_output";

    /// <summary>Gets the <see cref="FunctionCallItem.CallId"/> of the call this answers.</summary>
    [JsonPropertyName("call_id")]
    public string CallId { get; init; } = "";

    /// <summary>Gets the result as text (usually JSON); null when it is a list of parts.</summary>
    [JsonIgnore]
    public string? Output { get; init; }

    /// <summary>Gets the result as parts (<c>input_text</c>, <c>input_image</c>, <c>input_file</c>); null for text.</summary>
    [JsonIgnore]
    public IList<ResponseContentPart>? OutputParts { get; init; }

    /// <summary>Gets the wire form of <c>output</c>: a string or an array of parts.</summary>
    [JsonInclude]
    [JsonPropertyName("output")]
    internal JsonElement? WireOutput
    {
        get => OutputParts is not null
            ? JsonSerializer.SerializeToElement(OutputParts, GrokJsonContext.Default.IListResponseContentPart)
            : JsonSerializer.SerializeToElement(Output ?? "", GrokJsonContext.Default.String);
        init
        {
            if (value?.ValueKind == JsonValueKind.Array)
            {
                OutputParts = value.Value.Deserialize(GrokJsonContext.Default.IListResponseContentPart);
            }
            else if (value?.ValueKind == JsonValueKind.String)
            {
                Output = value.Value.GetString();
            }
        }
    }
}
