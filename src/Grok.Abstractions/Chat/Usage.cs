using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grok.Chat;

/// <summary>Tokens a call used and what it cost.</summary>
public sealed class Usage
{
    /// <summary>The number of ticks in one US dollar (1 cent = 1e8 ticks).</summary>
    public const long TicksPerUsd = 10_000_000_000;

    /// <summary>Tokens in the prompt.</summary>
    [JsonPropertyName("prompt_tokens")]
    public int PromptTokens { get; init; }

    /// <summary>Tokens in the answer, not counting reasoning.</summary>
    [JsonPropertyName("completion_tokens")]
    public int CompletionTokens { get; init; }

    /// <summary>All tokens, reasoning included.</summary>
    [JsonPropertyName("total_tokens")]
    public int TotalTokens { get; init; }

    /// <summary>How the prompt tokens break down (cached tokens among them).</summary>
    [JsonPropertyName("prompt_tokens_details")]
    public PromptTokensDetails? PromptTokensDetails { get; init; }

    /// <summary>How the completion tokens break down (reasoning tokens among them).</summary>
    [JsonPropertyName("completion_tokens_details")]
    public CompletionTokensDetails? CompletionTokensDetails { get; init; }

    /// <summary>Search sources the answer used.</summary>
    [JsonPropertyName("num_sources_used")]
    public int? NumSourcesUsed { get; init; }

    /// <summary>What the call cost, in ticks of 1e-10 US dollars.</summary>
    [JsonPropertyName("cost_in_usd_ticks")]
    public long? CostInUsdTicks { get; init; }

    /// <summary>Gets what the call cost in US dollars, from <see cref="CostInUsdTicks"/>.</summary>
    [JsonIgnore]
    public decimal? CostInUsd => CostInUsdTicks / (decimal)TicksPerUsd;

    /// <summary>How many server-side tool calls (web and X searches, code runs, MCP...) the request made.</summary>
    [JsonPropertyName("server_side_tool_usage_details")]
    public Grok.Responses.ServerSideToolUsageDetails? ServerSideToolUsageDetails { get; init; }

    /// <summary>Gets members this version does not model, kept so nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
