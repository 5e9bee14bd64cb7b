using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Grok;

/// <summary>The JSON conventions of the xAI wire format.</summary>
public static class GrokJson
{
    /// <summary>
    /// Gets the options Grok clients use unless <see cref="GrokClientOptions.JsonSerializerOptions"/> says otherwise:
    /// <c>snake_case</c> member names, nulls left out of requests, case-insensitive reading, the wire models' generated
    /// metadata (<see cref="GrokJsonContext"/>), and reflection-based
    /// metadata for user types when the application allows reflection (it does unless trimmed or Native AOT).
    /// </summary>
    public static JsonSerializerOptions DefaultOptions { get; } = CreateDefaultOptions();

    /// <summary>Creates a fresh, mutable copy of <see cref="DefaultOptions"/> to adjust (e.g. to add your own context).</summary>
    /// <param name="resolver">Metadata for your own types, consulted before the reflection fallback; pass a
    /// <c>JsonSerializerContext</c> for trimming and Native AOT.</param>
    /// <returns>New options.</returns>
    public static JsonSerializerOptions CreateOptions(IJsonTypeInfoResolver? resolver = null)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

            // Numbers are numbers on the wire; "allow reading from string" would also turn schemas for structured
            // output into "string or integer", which invites string answers.
            NumberHandling = JsonNumberHandling.Strict,
        };

        options.TypeInfoResolverChain.Add(GrokJsonContext.Default);
        if (resolver is not null)
        {
            options.TypeInfoResolverChain.Add(resolver);
        }

        if (JsonSerializer.IsReflectionEnabledByDefault)
        {
            AddReflectionFallback(options);
        }

        return options;
    }

    private static JsonSerializerOptions CreateDefaultOptions()
    {
        var options = CreateOptions();
        options.MakeReadOnly();
        return options;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only reached when JsonSerializer.IsReflectionEnabledByDefault, which trimmed and AOT apps turn off.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only reached when JsonSerializer.IsReflectionEnabledByDefault, which trimmed and AOT apps turn off.")]
    private static void AddReflectionFallback(JsonSerializerOptions options)
        => options.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());
}
