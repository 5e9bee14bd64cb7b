using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Grok.Benchmarks.Contenders;

/// <summary>A chat request with just what the app sends.</summary>
public sealed record MinQuestion(string Model, IReadOnlyList<MinMessage> Messages, bool? Stream = null);

/// <summary>One message.</summary>
public sealed record MinMessage(string Role, string? Content);

/// <summary>The parts of a completion or of a chunk the app reads.</summary>
public sealed record MinAnswer(IReadOnlyList<MinChoice> Choices);

/// <summary>One choice: the message (plain) or the delta (streamed).</summary>
public sealed record MinChoice(MinMessage? Message, MinMessage? Delta);

/// <summary>A Responses request with text input.</summary>
public sealed record MinResponseRequest(string Model, string Input, bool? Stream = null);

/// <summary>The parts of a Responses event the app reads.</summary>
public sealed record MinResponseEvent(string Type, string? Delta);

/// <summary>Source-generated JSON for the minimal models, in the wire's snake_case.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MinQuestion))]
[JsonSerializable(typeof(MinAnswer))]
[JsonSerializable(typeof(MinResponseRequest))]
[JsonSerializable(typeof(MinResponseEvent))]
internal sealed partial class MinimalJsonContext : JsonSerializerContext;
