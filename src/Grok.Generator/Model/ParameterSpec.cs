using Grok.Generator.Helpers;

namespace Grok.Generator.Model;

/// <summary>Where a parameter goes in the request.</summary>
internal enum ParameterKind
{
    /// <summary>Fills a <c>{placeholder}</c> of the path.</summary>
    Path,

    /// <summary>A query-string pair.</summary>
    Query,

    /// <summary>A request header.</summary>
    Header,

    /// <summary>The JSON body.</summary>
    Body,

    /// <summary>A text field of a multipart body.</summary>
    FormField,

    /// <summary>A file part of a multipart body (StreamPart, ByteArrayPart, FileInfoPart or Stream).</summary>
    FilePart,

    /// <summary>Cancels the call.</summary>
    CancellationToken,
}

/// <summary>How a simple value becomes text.</summary>
internal enum ValueFormat
{
    /// <summary>A string, as is.</summary>
    String,

    /// <summary><c>true</c>/<c>false</c>.</summary>
    Boolean,

    /// <summary>An enum, by its JSON name.</summary>
    Enum,

    /// <summary><c>IFormattable</c> with the invariant culture.</summary>
    Formattable,

    /// <summary>A date, round-trip ("O") format.</summary>
    RoundTripDate,

    /// <summary><c>ToString()</c>.</summary>
    Other,

    /// <summary>Not a simple value (bodies).</summary>
    None,
}

/// <summary>One enum member and its JSON name.</summary>
/// <param name="Member">The member's C# name.</param>
/// <param name="JsonName">What goes on the wire.</param>
internal sealed record EnumValueSpec(string Member, string JsonName);

/// <summary>One method parameter.</summary>
/// <param name="Name">The C# name (emitted with <c>@</c>).</param>
/// <param name="Type">The declared type.</param>
/// <param name="Kind">Where it goes.</param>
/// <param name="Key">The placeholder, query key or header name.</param>
/// <param name="Format">How its value is formatted.</param>
/// <param name="IsNullableValueType">Whether it is <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="CanBeNull">Whether it can hold null (reference type or <c>Nullable&lt;T&gt;</c>).</param>
/// <param name="EnumValues">For enums, each member's JSON name.</param>
internal sealed record ParameterSpec(
    string Name,
    TypeRef Type,
    ParameterKind Kind,
    string? Key,
    ValueFormat Format,
    bool IsNullableValueType,
    bool CanBeNull,
    EquatableArray<EnumValueSpec> EnumValues);
