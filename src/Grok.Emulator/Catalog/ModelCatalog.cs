using System;
using System.Collections.Generic;
using System.Linq;
using Grok.Models;

namespace Grok.Emulation;

/// <summary>
/// The models the emulator lists, shaped like xAI's <c>models</c>, <c>language-models</c>, <c>embedding-models</c>,
/// <c>image-generation-models</c> and <c>video-generation-models</c>: the 2026-09 catalog (text, image and video
/// models with capabilities and prices), then the models xAI retired on 2026-05-15, kept so older code and
/// recordings still resolve.
/// </summary>
internal static class ModelCatalog
{
    private const long Created = 1_735_689_600; // 2025-01-01T00:00:00Z
    private const long Created2026 = 1_776_556_800; // 2026-04-19T00:00:00Z
    private const string Owner = "xai";

    /// <summary>One US cent in USD ticks.</summary>
    private const long Cent = 100_000_000;

    // Filled by Language() below; declared first because static initializers run in textual order.
    private static readonly Dictionary<string, long> ContextLengths = new(StringComparer.Ordinal);

    public static IReadOnlyList<LanguageModel> LanguageModels { get; } =
    [
        Language("grok-4.3", ["text", "image"], 256_000, prompt: 12_500, cached: 2_000, completion: 25_000, efforts: ["none", "low", "medium", "high"], defaultEffort: "medium", aliases: ["grok-4.3-latest", "latest"]),
        Language("grok-4.5", ["text", "image"], 256_000, prompt: 20_000, cached: 2_000, completion: 80_000, efforts: ["low", "medium", "high", "xhigh"], defaultEffort: "high", longContext: (40_000, 4_000, 160_000, 128_000), aliases: ["grok-4.5-latest"]),
        Language("grok-4.6", ["text", "image"], 512_000, prompt: 20_000, cached: 2_000, completion: 80_000, efforts: ["low", "medium", "high", "xhigh"], defaultEffort: "high", longContext: (40_000, 4_000, 160_000, 128_000), aliases: ["grok-4.6-latest"]),
        Language("grok-4.7", ["text", "image"], 1_000_000, prompt: 30_000, cached: 3_000, completion: 150_000, efforts: ["low", "medium", "high", "xhigh"], defaultEffort: "high", longContext: (60_000, 6_000, 300_000, 200_000), aliases: ["grok-4.7-latest"]),
        Language("grok-4.20-0309-reasoning", ["text", "image"], 2_000_000, prompt: 20_000, cached: 2_000, completion: 60_000, efforts: ["low", "medium", "high"], defaultEffort: "medium", longContext: (40_000, 4_000, 120_000, 200_000), aliases: ["grok-4.20", "grok-4.20-reasoning"]),
        Language("grok-4.20-0309-non-reasoning", ["text", "image"], 2_000_000, prompt: 20_000, cached: 2_000, completion: 60_000, efforts: null, defaultEffort: null, longContext: (40_000, 4_000, 120_000, 200_000), aliases: ["grok-4.20-non-reasoning"]),
        Language("grok-4.20-multi-agent-0309", ["text", "image"], 2_000_000, prompt: 20_000, cached: 2_000, completion: 60_000, efforts: ["low", "medium", "high", "xhigh"], defaultEffort: "low", aliases: ["grok-4.20-multi-agent"]),

        // Retired on 2026-05-15; xAI redirects their names. Kept for older code, samples and recordings.
        Language("grok-4-0709", ["text", "image"], 256_000, prompt: 30_000, cached: 7_500, completion: 150_000, efforts: null, defaultEffort: null, aliases: ["grok-4", "grok-4-latest"]),
        Language("grok-4-fast-reasoning", ["text", "image"], 2_000_000, prompt: 2_000, cached: 500, completion: 5_000, efforts: null, defaultEffort: null, aliases: ["grok-4-fast", "grok-4-fast-reasoning-latest"]),
        Language("grok-4-fast-non-reasoning", ["text", "image"], 2_000_000, prompt: 2_000, cached: 500, completion: 5_000, efforts: null, defaultEffort: null, aliases: ["grok-4-fast-non-reasoning-latest"]),
        Language("grok-code-fast-1", ["text"], 256_000, prompt: 2_000, cached: 200, completion: 15_000, efforts: null, defaultEffort: null, aliases: ["grok-code-fast", "grok-code-fast-1-0825"]),
        Language("grok-3", ["text"], 131_072, prompt: 30_000, cached: 7_500, completion: 150_000, efforts: null, defaultEffort: null, aliases: ["grok-3-latest"]),
        Language("grok-3-mini", ["text"], 131_072, prompt: 3_000, cached: 750, completion: 5_000, efforts: ["low", "high"], defaultEffort: "low", aliases: ["grok-3-mini-latest"]),
        Language("grok-2-vision-1212", ["text", "image"], 32_768, prompt: 20_000, cached: 0, completion: 100_000, efforts: null, defaultEffort: null, aliases: ["grok-2-vision", "grok-2-vision-latest"]),
    ];

    public static IReadOnlyList<EmbeddingModel> EmbeddingModels { get; } =
    [
        new EmbeddingModel
        {
            Id = "grok-embedding-small",
            Fingerprint = "fp_emulator",
            Created = Created,
            Object = "model",
            OwnedBy = Owner,
            Version = "1.0.0",
            InputModalities = ["text"],
            PromptTextTokenPrice = 200,
            PromptImageTokenPrice = 0,
            Aliases = ["grok-embedding-small-latest"],
        },
    ];

    public static IReadOnlyList<ImageGenerationModel> ImageGenerationModels { get; } =
    [
        Image("grok-imagine-image", 2 * Cent, null, "grok-imagine-image-latest"),
        Image(
            "grok-imagine-image-2.0",
            3 * Cent,
            [Tier("low", "1k", 2 * Cent), Tier("low", "2k", 4 * Cent), Tier("medium", "1k", 3 * Cent), Tier("medium", "2k", 5 * Cent)],
            "grok-imagine-image-2"),
        Image("grok-imagine-image-quality", 7 * Cent, null),

        // Retired; kept for older code.
        Image("grok-2-image-1212", 7 * Cent, null, "grok-2-image", "grok-2-image-latest"),
    ];

    public static IReadOnlyList<VideoGenerationModel> VideoGenerationModels { get; } =
    [
        Video("grok-imagine-video", "grok-imagine-video-latest"),
        Video("grok-imagine-video-1.5"),
    ];

    public static ModelList Models { get; } = new()
    {
        Object = "list",
        Data = LanguageModels.Select(m => new Model
            {
                Id = m.Id,
                Created = m.Created,
                Object = "model",
                OwnedBy = Owner,
                Aliases = m.Aliases,
                ContextLength = ContextLengths[m.Id],
                PromptTextTokenPrice = m.PromptTextTokenPrice,
                CachedPromptTextTokenPrice = m.CachedPromptTextTokenPrice,
                PromptImageTokenPrice = m.PromptImageTokenPrice,
                CompletionTextTokenPrice = m.CompletionTextTokenPrice,
                PromptTextTokenPriceLongContext = m.PromptTextTokenPriceLongContext is > 0 ? m.PromptTextTokenPriceLongContext : null,
                CachedPromptTextTokenPriceLongContext = m.CachedPromptTextTokenPriceLongContext is > 0 ? m.CachedPromptTextTokenPriceLongContext : null,
                CompletionTextTokenPriceLongContext = m.CompletionTextTokenPriceLongContext is > 0 ? m.CompletionTextTokenPriceLongContext : null,
                LongContextThreshold = m.LongContextThreshold is > 0 ? m.LongContextThreshold : null,
                Capabilities = m.Capabilities,
            })
            .Concat(EmbeddingModels.Select(m => new Model { Id = m.Id, Created = m.Created, Object = "model", OwnedBy = Owner, Aliases = m.Aliases, PromptTextTokenPrice = m.PromptTextTokenPrice }))
            .Concat(ImageGenerationModels.Select(m => new Model
            {
                Id = m.Id,
                Created = m.Created,
                Object = "model",
                OwnedBy = Owner,
                Aliases = m.Aliases,
                ContextLength = m.MaxPromptLength,
                ImagePrice = m.ImagePrice,
                Pricing = m.Pricing,
            }))
            .Concat(VideoGenerationModels.Select(m => new Model { Id = m.Id, Created = m.Created, Object = "model", OwnedBy = Owner, Aliases = m.Aliases }))
            .ToArray(),
    };

    public static Model? FindModel(string id)
    {
        var canonical = FindLanguageModel(id)?.Id ?? FindEmbeddingModel(id)?.Id ?? FindImageGenerationModel(id)?.Id ?? FindVideoGenerationModel(id)?.Id;
        return canonical is null ? null : Models.Data.First(m => m.Id == canonical);
    }

    public static LanguageModel? FindLanguageModel(string id) => LanguageModels.FirstOrDefault(m => Matches(m.Id, m.Aliases, id));

    public static EmbeddingModel? FindEmbeddingModel(string id) => EmbeddingModels.FirstOrDefault(m => Matches(m.Id, m.Aliases, id));

    public static ImageGenerationModel? FindImageGenerationModel(string id) => ImageGenerationModels.FirstOrDefault(m => Matches(m.Id, m.Aliases, id));

    public static VideoGenerationModel? FindVideoGenerationModel(string id) => VideoGenerationModels.FirstOrDefault(m => Matches(m.Id, m.Aliases, id));

    private static bool Matches(string modelId, IReadOnlyList<string>? aliases, string id)
        => string.Equals(modelId, id, StringComparison.Ordinal) || aliases?.Contains(id, StringComparer.Ordinal) == true;

    private static LanguageModel Language(
        string id,
        string[] input,
        long contextLength,
        long prompt,
        long cached,
        long completion,
        string[]? efforts,
        string? defaultEffort,
        string[] aliases,
        (long Prompt, long Cached, long Completion, long Threshold) longContext = default)
    {
        ContextLengths[id] = contextLength;
        return new()
        {
            Id = id,
            Fingerprint = "fp_emulator",
            Created = id.StartsWith("grok-4.", StringComparison.Ordinal) ? Created2026 : Created,
            Object = "model",
            OwnedBy = Owner,
            Version = "1.0.0",
            InputModalities = input,
            OutputModalities = ["text"],
            PromptTextTokenPrice = prompt,
            CachedPromptTextTokenPrice = cached,
            PromptImageTokenPrice = input.Length > 1 ? prompt : 0,
            CompletionTextTokenPrice = completion,
            SearchPrice = 0,
            PromptTextTokenPriceLongContext = longContext.Prompt,
            CachedPromptTextTokenPriceLongContext = longContext.Cached,
            CompletionTextTokenPriceLongContext = longContext.Completion,
            LongContextThreshold = longContext.Threshold,
            Capabilities = efforts is null ? null : new ModelCapabilities { ReasoningEffort = efforts, DefaultReasoningEffort = defaultEffort },
            Aliases = aliases,
        };
    }

    private static ImageGenerationModel Image(string id, long price, ImagePricingTier[]? pricing, params string[] aliases) => new()
    {
        Id = id,
        Fingerprint = "fp_emulator",
        MaxPromptLength = 1024,
        Created = id.StartsWith("grok-imagine", StringComparison.Ordinal) ? Created2026 : Created,
        Object = "model",
        OwnedBy = Owner,
        Version = "1.0.0",
        InputModalities = ["text", "image"],
        OutputModalities = ["image"],
        ImagePrice = price,
        Pricing = pricing,
        Aliases = aliases,
    };

    private static ImagePricingTier Tier(string quality, string resolution, long price)
        => new() { Quality = quality, Resolution = resolution, PricePerImage = price };

    private static VideoGenerationModel Video(string id, params string[] aliases) => new()
    {
        Id = id,
        Fingerprint = "fp_emulator",
        Created = Created2026,
        Object = "model",
        OwnedBy = Owner,
        Version = "1.0.0",
        InputModalities = ["text", "image"],
        OutputModalities = ["video"],
        Aliases = aliases,
    };
}
