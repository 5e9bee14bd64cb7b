using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Responses;

/// <summary>Token counts, server-side tool use and cost of a response.</summary>
public sealed class ResponseUsage
{
    /// <summary>USD ticks in one US dollar (1 cent is 100,000,000 ticks).</summary>
    public const long TicksPerUsd = 10_000_000_000;

    /// <summary>Gets the input tokens (cached ones included).</summary>
    [JsonPropertyName("input_tokens")]
    public int InputTokens { get; init; }

    /// <summary>Gets the breakdown of <see cref="InputTokens"/>.</summary>
    [JsonPropertyName("input_tokens_details")]
    public InputTokensDetails? InputTokensDetails { get; init; }

    /// <summary>Gets the output tokens.</summary>
    [JsonPropertyName("output_tokens")]
    public int OutputTokens { get; init; }

    /// <summary>Gets the breakdown of <see cref="OutputTokens"/>, with the reasoning tokens.</summary>
    [JsonPropertyName("output_tokens_details")]
    public OutputTokensDetails? OutputTokensDetails { get; init; }

    /// <summary>Gets the total tokens.</summary>
    [JsonPropertyName("total_tokens")]
    public int TotalTokens { get; init; }

    /// <summary>Gets the number of sources used (the retired live search).</summary>
    [JsonPropertyName("num_sources_used")]
    public int? NumSourcesUsed { get; init; }

    /// <summary>Gets the number of server-side tool calls.</summary>
    [JsonPropertyName("num_server_side_tools_used")]
    public int? NumServerSideToolsUsed { get; init; }

    /// <summary>Gets the server-side tool calls per tool.</summary>
    [JsonPropertyName("server_side_tool_usage_details")]
    public ServerSideToolUsageDetails? ServerSideToolUsageDetails { get; init; }

    /// <summary>Gets the exact cost in USD ticks (see <see cref="TicksPerUsd"/>).</summary>
    [JsonPropertyName("cost_in_usd_ticks")]
    public long? CostInUsdTicks { get; init; }

    /// <summary>Gets the cost in nano US dollars, when xAI sends it.</summary>
    [JsonPropertyName("cost_in_nano_usd")]
    public long? CostInNanoUsd { get; init; }

    /// <summary>Gets the latest context window's token counts (informational; agentic responses report the last step).</summary>
    [JsonPropertyName("context_details")]
    public ResponseContextDetails? ContextDetails { get; init; }

    /// <summary>Gets how many messages a compaction dropped or summarized (<c>responses/compact</c> only).</summary>
    [JsonPropertyName("dropped_message_count")]
    public int? DroppedMessageCount { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Gets what the call cost in US dollars, from <see cref="CostInUsdTicks"/>.</summary>
    [JsonIgnore]
    public decimal? CostInUsd => CostInUsdTicks / (decimal)TicksPerUsd;
}
