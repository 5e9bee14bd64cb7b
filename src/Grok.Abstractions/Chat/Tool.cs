using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>A tool the model may call; xAI's chat completions offer functions.</summary>
public sealed class Tool
{
    /// <summary><c>function</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "function";

    /// <summary>The function.</summary>
    [JsonPropertyName("function")]
    public FunctionDefinition? Function { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A function tool from a name, a description and the JSON schema of its arguments.</summary>
    /// <param name="name">The function name.</param>
    /// <param name="description">What it does.</param>
    /// <param name="parameters">The JSON schema of its arguments object.</param>
    /// <param name="strict">Whether the arguments must follow the schema exactly.</param>
    /// <returns>The tool.</returns>
    public static Tool ForFunction(string name, string? description, JsonElement? parameters, bool? strict = null)
    {
        System.ArgumentException.ThrowIfNullOrEmpty(name);
        return new Tool { Function = new FunctionDefinition { Name = name, Description = description, Parameters = parameters, Strict = strict } };
    }
}
