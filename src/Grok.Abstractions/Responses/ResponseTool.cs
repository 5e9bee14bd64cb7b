using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>
/// A tool the model may use: one of your functions (<see cref="Function(string, string?, JsonElement, bool?)"/>), or a
/// tool xAI runs itself: <see cref="WebSearch"/>, <see cref="XSearch"/>, <see cref="CodeInterpreter"/>,
/// <see cref="FileSearch(string[])"/>, <see cref="Mcp"/>, <see cref="ImageGeneration"/>. Options not covered by a
/// factory's parameters can be set with <c>with { ... }</c>.
/// </summary>
public sealed record ResponseTool
{
    /// <summary>The most domains <see cref="AllowedDomains"/> or <see cref="ExcludedDomains"/> may list.</summary>
    public const int MaxDomains = 5;

    /// <summary>The most handles <see cref="AllowedXHandles"/> or <see cref="ExcludedXHandles"/> may list.</summary>
    public const int MaxXHandles = 10;

    /// <summary>The most collections <see cref="VectorStoreIds"/> may list.</summary>
    public const int MaxCollections = 10;

    /// <summary>Gets the kind: <c>function</c>, <c>web_search</c>, <c>x_search</c>, <c>code_interpreter</c>, <c>file_search</c>, <c>mcp</c>, <c>image_generation</c>, or a newer one.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "function";

    /// <summary>Gets the function's name (<c>function</c>).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets what the function does (<c>function</c>).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Gets the JSON schema of the function's arguments object (<c>function</c>).</summary>
    [JsonPropertyName("parameters")]
    public JsonElement? Parameters { get; init; }

    /// <summary>Gets the <c>strict</c> flag, kept for compatibility (<c>function</c>; xAI does not enforce it).</summary>
    [JsonPropertyName("strict")]
    public bool? Strict { get; init; }

    /// <summary>Gets whether the definition is hidden from the prompt until a <c>tool_search</c> loads it (<c>function</c>, <c>mcp</c>).</summary>
    [JsonPropertyName("defer_loading")]
    public bool? DeferLoading { get; init; }

    /// <summary>Gets the only domains web search may use, at most 5 (<c>web_search</c>; not with <see cref="ExcludedDomains"/>).</summary>
    [JsonPropertyName("allowed_domains")]
    public IList<string>? AllowedDomains { get; init; }

    /// <summary>Gets domains web search must skip, at most 5 (<c>web_search</c>; not with <see cref="AllowedDomains"/>).</summary>
    [JsonPropertyName("excluded_domains")]
    public IList<string>? ExcludedDomains { get; init; }

    /// <summary>Gets whether web search may also search images (<c>web_search</c>).</summary>
    [JsonPropertyName("enable_image_search")]
    public bool? EnableImageSearch { get; init; }

    /// <summary>Gets whether the search understands images it finds (<c>web_search</c>, <c>x_search</c>).</summary>
    [JsonPropertyName("enable_image_understanding")]
    public bool? EnableImageUnderstanding { get; init; }

    /// <summary>Gets whether X search understands videos it finds (<c>x_search</c>).</summary>
    [JsonPropertyName("enable_video_understanding")]
    public bool? EnableVideoUnderstanding { get; init; }

    /// <summary>Gets the only X handles whose posts count, at most 10 (<c>x_search</c>; not with <see cref="ExcludedXHandles"/>).</summary>
    [JsonPropertyName("allowed_x_handles")]
    public IList<string>? AllowedXHandles { get; init; }

    /// <summary>Gets X handles whose posts are skipped, at most 10 (<c>x_search</c>; not with <see cref="AllowedXHandles"/>).</summary>
    [JsonPropertyName("excluded_x_handles")]
    public IList<string>? ExcludedXHandles { get; init; }

    /// <summary>Gets the first day of posts to consider, <c>YYYY-MM-DD</c> (<c>x_search</c>).</summary>
    [JsonPropertyName("from_date")]
    public string? FromDate { get; init; }

    /// <summary>Gets the last day of posts to consider, <c>YYYY-MM-DD</c> (<c>x_search</c>).</summary>
    [JsonPropertyName("to_date")]
    public string? ToDate { get; init; }

    /// <summary>Gets the collections to search, at most 10 (<c>file_search</c>; xAI calls them vector stores).</summary>
    [JsonPropertyName("vector_store_ids")]
    public IList<string>? VectorStoreIds { get; init; }

    /// <summary>Gets the most chunks a file search returns, at least 1 (<c>file_search</c>).</summary>
    [JsonPropertyName("max_num_results")]
    public int? MaxNumResults { get; init; }

    /// <summary>Gets the MCP server's label (<c>mcp</c>).</summary>
    [JsonPropertyName("server_label")]
    public string? ServerLabel { get; init; }

    /// <summary>Gets the MCP server's URL (<c>mcp</c>).</summary>
    [JsonPropertyName("server_url")]
    public string? ServerUrl { get; init; }

    /// <summary>Gets what the MCP server is for (<c>mcp</c>).</summary>
    [JsonPropertyName("server_description")]
    public string? ServerDescription { get; init; }

    /// <summary>Gets the only MCP tools the model may call (<c>mcp</c>).</summary>
    [JsonPropertyName("allowed_tools")]
    public IList<string>? AllowedTools { get; init; }

    /// <summary>Gets the <c>Authorization</c> value xAI sends to the MCP server (<c>mcp</c>); never logged by this library.</summary>
    [JsonPropertyName("authorization")]
    public string? Authorization { get; init; }

    /// <summary>Gets extra headers xAI sends to the MCP server (<c>mcp</c>).</summary>
    [JsonPropertyName("headers")]
    public IDictionary<string, string>? Headers { get; init; }

    /// <summary>Gets the MCP approval mode (<c>mcp</c>).</summary>
    [JsonPropertyName("require_approval")]
    public string? RequireApproval { get; init; }

    /// <summary>Gets the connector id (<c>mcp</c>).</summary>
    [JsonPropertyName("connector_id")]
    public string? ConnectorId { get; init; }

    /// <summary>Gets which image capabilities are exposed: <c>auto</c>, <c>generate</c> or <c>edit</c> (<c>image_generation</c>).</summary>
    [JsonPropertyName("action")]
    public string? Action { get; init; }

    /// <summary>Gets the environment of a local shell tool, such as <c>{ "type": "local", "skills": [...] }</c> (<c>shell</c>).</summary>
    [JsonPropertyName("environment")]
    public JsonElement? Environment { get; init; }

    /// <summary>Gets where a tool search runs; only <c>server</c> (<c>tool_search</c>).</summary>
    [JsonPropertyName("execution")]
    public string? Execution { get; init; }

    /// <summary>Gets members this version does not model, kept and sent again so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>One of your functions, with the JSON schema of its arguments.</summary>
    /// <param name="name">The function's name.</param>
    /// <param name="description">What it does, so the model knows when to call it.</param>
    /// <param name="parameters">The JSON schema of its arguments object.</param>
    /// <param name="strict">The compatibility flag <c>strict</c>; left out when null.</param>
    /// <returns>The tool.</returns>
    public static ResponseTool Function(string name, string? description, JsonElement parameters, bool? strict = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new() { Type = "function", Name = name, Description = description, Parameters = parameters, Strict = strict };
    }

    /// <summary>One of your functions, whose arguments are a <typeparamref name="TArguments"/> (schema made by <see cref="System.Text.Json.Schema.JsonSchemaExporter"/>).</summary>
    /// <typeparam name="TArguments">The arguments' type.</typeparam>
    /// <param name="name">The function's name.</param>
    /// <param name="description">What it does.</param>
    /// <param name="options">JSON options that know <typeparamref name="TArguments"/>; <see cref="GrokJson.DefaultOptions"/> when null.</param>
    /// <returns>The tool.</returns>
    public static ResponseTool Function<TArguments>(string name, string? description, JsonSerializerOptions? options = null)
        => Function(name, description, ResponseSchemas.For<TArguments>(options));

    /// <summary>xAI's web search (<c>web_search</c>).</summary>
    /// <param name="allowedDomains">The only domains to use, at most 5.</param>
    /// <param name="excludedDomains">Domains to skip, at most 5 (not with <paramref name="allowedDomains"/>).</param>
    /// <param name="enableImageUnderstanding">Whether images found are understood.</param>
    /// <param name="enableImageSearch">Whether images are searched too.</param>
    /// <returns>The tool.</returns>
    public static ResponseTool WebSearch(
        IEnumerable<string>? allowedDomains = null,
        IEnumerable<string>? excludedDomains = null,
        bool? enableImageUnderstanding = null,
        bool? enableImageSearch = null)
        => new()
        {
            Type = "web_search",
            AllowedDomains = ToList(allowedDomains),
            ExcludedDomains = ToList(excludedDomains),
            EnableImageUnderstanding = enableImageUnderstanding,
            EnableImageSearch = enableImageSearch,
        };

    /// <summary>xAI's search of X posts (<c>x_search</c>).</summary>
    /// <param name="allowedXHandles">The only handles whose posts count, at most 10.</param>
    /// <param name="excludedXHandles">Handles to skip, at most 10 (not with <paramref name="allowedXHandles"/>).</param>
    /// <param name="fromDate">The first day of posts.</param>
    /// <param name="toDate">The last day of posts.</param>
    /// <param name="enableImageUnderstanding">Whether images in posts are understood.</param>
    /// <param name="enableVideoUnderstanding">Whether videos in posts are understood.</param>
    /// <returns>The tool.</returns>
    public static ResponseTool XSearch(
        IEnumerable<string>? allowedXHandles = null,
        IEnumerable<string>? excludedXHandles = null,
        DateOnly? fromDate = null,
        DateOnly? toDate = null,
        bool? enableImageUnderstanding = null,
        bool? enableVideoUnderstanding = null)
        => new()
        {
            Type = "x_search",
            AllowedXHandles = ToList(allowedXHandles),
            ExcludedXHandles = ToList(excludedXHandles),
            FromDate = fromDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ToDate = toDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            EnableImageUnderstanding = enableImageUnderstanding,
            EnableVideoUnderstanding = enableVideoUnderstanding,
        };

    /// <summary>xAI's code execution (<c>code_interpreter</c>).</summary>
    /// <returns>The tool.</returns>
    public static ResponseTool CodeInterpreter() => new() { Type = "code_interpreter" };

    /// <summary>xAI's search of your collections (<c>file_search</c>; the ids go out as <c>vector_store_ids</c>).</summary>
    /// <param name="collectionIds">The collections, 1 to 10.</param>
    /// <returns>The tool.</returns>
    public static ResponseTool FileSearch(params string[] collectionIds) => FileSearch(collectionIds, maxNumResults: null);

    /// <summary>xAI's search of your collections, returning at most <paramref name="maxNumResults"/> chunks.</summary>
    /// <param name="collectionIds">The collections, 1 to 10.</param>
    /// <param name="maxNumResults">The most chunks to return; xAI's default when null.</param>
    /// <returns>The tool.</returns>
    public static ResponseTool FileSearch(IEnumerable<string> collectionIds, int? maxNumResults)
    {
        ArgumentNullException.ThrowIfNull(collectionIds);
        return new() { Type = "file_search", VectorStoreIds = [.. collectionIds], MaxNumResults = maxNumResults };
    }

    /// <summary>A remote MCP server whose tools xAI calls (<c>mcp</c>).</summary>
    /// <param name="serverLabel">A label for the server.</param>
    /// <param name="serverUrl">The server's URL.</param>
    /// <param name="allowedTools">The only tools the model may call; all when null.</param>
    /// <param name="authorization">The <c>Authorization</c> value xAI sends to the server.</param>
    /// <param name="headers">Extra headers xAI sends to the server.</param>
    /// <param name="serverDescription">What the server is for.</param>
    /// <returns>The tool.</returns>
    public static ResponseTool Mcp(
        string serverLabel,
        string serverUrl,
        IEnumerable<string>? allowedTools = null,
        string? authorization = null,
        IDictionary<string, string>? headers = null,
        string? serverDescription = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(serverLabel);
        ArgumentException.ThrowIfNullOrEmpty(serverUrl);
        return new()
        {
            Type = "mcp",
            ServerLabel = serverLabel,
            ServerUrl = serverUrl,
            AllowedTools = ToList(allowedTools),
            Authorization = authorization,
            Headers = headers is null ? null : new Dictionary<string, string>(headers),
            ServerDescription = serverDescription,
        };
    }

    /// <summary>xAI's image generation (<c>image_generation</c>).</summary>
    /// <param name="action"><c>auto</c> (generate and edit), <c>generate</c> or <c>edit</c>; xAI's default when null.</param>
    /// <returns>The tool.</returns>
    public static ResponseTool ImageGeneration(string? action = null) => new() { Type = "image_generation", Action = action };

    /// <summary>Returns the text form without the MCP authorization value.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Type + (Name ?? ServerLabel) switch { null => "", var label => ":" + label };

    /// <summary>Throws <see cref="ArgumentException"/> naming the field when the tool breaks a limit xAI documents.</summary>
    /// <param name="index">The tool's index in the request, for the message.</param>
    internal void Validate(int index)
    {
        var where = $"ResponseRequest.Tools[{index}] ({Type})";
        switch (Type)
        {
            case "function" when string.IsNullOrEmpty(Name):
                throw new ArgumentException($"{where} has no Name: a function tool needs one.", "Tools");
            case "mcp" when string.IsNullOrEmpty(ServerLabel) || string.IsNullOrEmpty(ServerUrl):
                throw new ArgumentException($"{where} needs ServerLabel and ServerUrl.", "Tools");
            case "file_search" when VectorStoreIds is not { Count: > 0 }:
                throw new ArgumentException($"{where}.VectorStoreIds is empty: name at least one collection.", "Tools");
        }

        CheckCount(AllowedDomains, MaxDomains, where, "AllowedDomains");
        CheckCount(ExcludedDomains, MaxDomains, where, "ExcludedDomains");
        CheckCount(AllowedXHandles, MaxXHandles, where, "AllowedXHandles");
        CheckCount(ExcludedXHandles, MaxXHandles, where, "ExcludedXHandles");
        CheckCount(VectorStoreIds, MaxCollections, where, "VectorStoreIds");
        if (AllowedDomains is { Count: > 0 } && ExcludedDomains is { Count: > 0 })
        {
            throw new ArgumentException($"{where} sets both AllowedDomains and ExcludedDomains; xAI accepts one or the other.", "Tools");
        }

        if (AllowedXHandles is { Count: > 0 } && ExcludedXHandles is { Count: > 0 })
        {
            throw new ArgumentException($"{where} sets both AllowedXHandles and ExcludedXHandles; xAI accepts one or the other.", "Tools");
        }

        if (MaxNumResults is < 1)
        {
            throw new ArgumentException($"{where}.MaxNumResults is {MaxNumResults}; it must be at least 1.", "Tools");
        }

        if (FromDate is not null && ToDate is not null && string.CompareOrdinal(FromDate, ToDate) > 0)
        {
            throw new ArgumentException($"{where}.FromDate ({FromDate}) is after ToDate ({ToDate}).", "Tools");
        }
    }

    private static void CheckCount(IList<string>? values, int max, string where, string field)
    {
        if (values is { Count: var count } && count > max)
        {
            throw new ArgumentException($"{where}.{field} lists {count}; xAI accepts at most {max}.", "Tools");
        }
    }

    private static List<string>? ToList(IEnumerable<string>? values) => values is null ? null : [.. values];
}
