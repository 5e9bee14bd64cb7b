using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>An item of a kind this version does not model (a kind xAI adds after this version), kept as its JSON and sent back unchanged.</summary>
public sealed class UnknownResponseItem : ResponseItem
{
    /// <summary>Initializes a new instance of the <see cref="UnknownResponseItem"/> class.</summary>
    /// <param name="json">The item's JSON object.</param>
    public UnknownResponseItem(JsonElement json)
    {
        Json = json.Clone();
        if (json.ValueKind == JsonValueKind.Object)
        {
            Type = ReadString(json, "type");
            Id = ReadString(json, "id");
            Status = ReadString(json, "status");
        }
    }

    /// <summary>Gets the item's JSON, exactly as received.</summary>
    [JsonIgnore]
    public JsonElement Json { get; }

    private static string? ReadString(JsonElement json, string name)
        => json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
