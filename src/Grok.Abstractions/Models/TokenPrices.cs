using System;
using Grok.Chat;

namespace Grok.Models;

/// <summary>
/// A language model's token prices as the models endpoints list them (US cents per 100 million tokens, which is the same
/// as USD ticks per token), with the arithmetic to estimate what a request costs. Build one with
/// <see cref="From(LanguageModel)"/> or <see cref="From(Model)"/>.
/// </summary>
/// <remarks>
/// An estimate, not a bill: server-side tools, searches and rounding are not included. The answer's own
/// <see cref="Usage.CostInUsdTicks"/> is what xAI charged.
/// </remarks>
public sealed record TokenPrices
{
    /// <summary>USD ticks per prompt text token.</summary>
    public long PromptText { get; init; }

    /// <summary>USD ticks per cached prompt text token.</summary>
    public long CachedPromptText { get; init; }

    /// <summary>USD ticks per prompt image token.</summary>
    public long PromptImage { get; init; }

    /// <summary>USD ticks per completion or reasoning token.</summary>
    public long Completion { get; init; }

    /// <summary>USD ticks per prompt text token in a long-context request; 0 means <see cref="PromptText"/>.</summary>
    public long PromptTextLongContext { get; init; }

    /// <summary>USD ticks per cached prompt token in a long-context request; 0 means <see cref="CachedPromptText"/>.</summary>
    public long CachedPromptTextLongContext { get; init; }

    /// <summary>USD ticks per completion token in a long-context request; 0 means <see cref="Completion"/>.</summary>
    public long CompletionLongContext { get; init; }

    /// <summary>The prompt size, in tokens, from which the long-context prices apply; 0 means never.</summary>
    public long LongContextThreshold { get; init; }

    /// <summary>Reads the prices of a <c>language-models</c> entry.</summary>
    /// <param name="model">The model.</param>
    /// <returns>Its prices (missing ones are 0).</returns>
    public static TokenPrices From(LanguageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return FromPriced(model);
    }

    /// <summary>Reads the prices of a <c>models</c> entry.</summary>
    /// <param name="model">The model.</param>
    /// <returns>Its prices (missing ones are 0).</returns>
    public static TokenPrices From(Model model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return FromPriced(model);
    }

    private static TokenPrices FromPriced(IPricedModel model)
    {
        return new TokenPrices
        {
            PromptText = model.PromptTextTokenPrice ?? 0,
            CachedPromptText = model.CachedPromptTextTokenPrice ?? 0,
            PromptImage = model.PromptImageTokenPrice ?? 0,
            Completion = model.CompletionTextTokenPrice ?? 0,
            PromptTextLongContext = model.PromptTextTokenPriceLongContext ?? 0,
            CachedPromptTextLongContext = model.CachedPromptTextTokenPriceLongContext ?? 0,
            CompletionLongContext = model.CompletionTextTokenPriceLongContext ?? 0,
            LongContextThreshold = model.LongContextThreshold ?? 0,
        };
    }

    /// <summary>
    /// Estimates a request's cost in USD ticks (10,000,000,000 per US dollar) from token counts.
    /// </summary>
    /// <param name="promptTokens">All prompt tokens, cached and image tokens included (<c>usage.prompt_tokens</c>).</param>
    /// <param name="completionTokens">Visible answer tokens (<c>usage.completion_tokens</c>).</param>
    /// <param name="cachedPromptTokens">Prompt tokens served from the cache.</param>
    /// <param name="imagePromptTokens">Prompt tokens spent on images.</param>
    /// <param name="reasoningTokens">Reasoning tokens, billed as completion tokens.</param>
    /// <returns>The estimated cost in USD ticks.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or cached plus image tokens exceed the prompt.</exception>
    public long EstimateCostInUsdTicks(long promptTokens, long completionTokens, long cachedPromptTokens = 0, long imagePromptTokens = 0, long reasoningTokens = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(promptTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(completionTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(cachedPromptTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(imagePromptTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(reasoningTokens);
        if (cachedPromptTokens + imagePromptTokens > promptTokens)
        {
            throw new ArgumentOutOfRangeException(nameof(cachedPromptTokens), "Cached and image prompt tokens are part of the prompt tokens, so together they cannot exceed them.");
        }

        var longContext = LongContextThreshold > 0 && promptTokens >= LongContextThreshold;
        var text = longContext && PromptTextLongContext > 0 ? PromptTextLongContext : PromptText;
        var cached = longContext && CachedPromptTextLongContext > 0 ? CachedPromptTextLongContext : CachedPromptText;
        var completion = longContext && CompletionLongContext > 0 ? CompletionLongContext : Completion;
        checked
        {
            var uncachedText = promptTokens - cachedPromptTokens - imagePromptTokens;
            return (uncachedText * text) + (cachedPromptTokens * cached) + (imagePromptTokens * PromptImage)
                + ((completionTokens + reasoningTokens) * completion);
        }
    }

    /// <summary>Estimates what a call with this usage costs, in USD ticks.</summary>
    /// <param name="usage">The usage of a chat completion.</param>
    /// <returns>The estimated cost in USD ticks.</returns>
    public long EstimateCostInUsdTicks(Usage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        return EstimateCostInUsdTicks(
            usage.PromptTokens,
            usage.CompletionTokens,
            usage.PromptTokensDetails?.CachedTokens ?? 0,
            usage.PromptTokensDetails?.ImageTokens ?? 0,
            usage.CompletionTokensDetails?.ReasoningTokens ?? 0);
    }

    /// <summary>Estimates what a call with this usage costs, in US dollars.</summary>
    /// <param name="usage">The usage of a chat completion.</param>
    /// <returns>The estimated cost in US dollars.</returns>
    public decimal EstimateCostInUsd(Usage usage) => EstimateCostInUsdTicks(usage) / (decimal)Usage.TicksPerUsd;

    /// <summary>Estimates a request's cost in US dollars from token counts; see <see cref="EstimateCostInUsdTicks(long, long, long, long, long)"/>.</summary>
    /// <param name="promptTokens">All prompt tokens.</param>
    /// <param name="completionTokens">Visible answer tokens.</param>
    /// <param name="cachedPromptTokens">Prompt tokens served from the cache.</param>
    /// <returns>The estimated cost in US dollars.</returns>
    public decimal EstimateCostInUsd(long promptTokens, long completionTokens, long cachedPromptTokens = 0)
        => EstimateCostInUsdTicks(promptTokens, completionTokens, cachedPromptTokens) / (decimal)Usage.TicksPerUsd;
}

/// <summary>The price members that <c>models</c> and <c>language-models</c> entries share.</summary>
internal interface IPricedModel
{
    long? PromptTextTokenPrice { get; }

    long? CachedPromptTextTokenPrice { get; }

    long? PromptImageTokenPrice { get; }

    long? CompletionTextTokenPrice { get; }

    long? PromptTextTokenPriceLongContext { get; }

    long? CachedPromptTextTokenPriceLongContext { get; }

    long? CompletionTextTokenPriceLongContext { get; }

    long? LongContextThreshold { get; }
}
