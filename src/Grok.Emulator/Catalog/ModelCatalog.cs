using System;
using System.Collections.Generic;
using System.Linq;
using Grok.Models;

namespace Grok.Emulation;

/// <summary>The models the emulator lists, shaped like xAI's <c>models</c>, <c>language-models</c>, <c>embedding-models</c> and <c>image-generation-models</c>.</summary>
internal static class ModelCatalog
{
    private const long Created = 1_735_689_600; // 2025-01-01T00:00:00Z
    private const string Owner = "xai";

    public static IReadOnlyList<LanguageModel> LanguageModels { get; } =
    [
        Language("grok-4-0709", ["text", "image"], 30_000, 7_500, 150_000, "grok-4", "grok-4-latest"),
        Language("grok-4-fast-reasoning", ["text", "image"], 2_000, 500, 5_000, "grok-4-fast", "grok-4-fast-reasoning-latest"),
        Language("grok-4-fast-non-reasoning", ["text", "image"], 2_000, 500, 5_000, "grok-4-fast-non-reasoning-latest"),
        Language("grok-code-fast-1", ["text"], 2_000, 200, 15_000, "grok-code-fast", "grok-code-fast-1-0825"),
        Language("grok-3", ["text"], 30_000, 7_500, 150_000, "grok-3-latest"),
        Language("grok-3-mini", ["text"], 3_000, 750, 5_000, "grok-3-mini-latest"),
        Language("grok-2-vision-1212", ["text", "image"], 20_000, 0, 100_000, "grok-2-vision", "grok-2-vision-latest"),
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
        new ImageGenerationModel
        {
            Id = "grok-2-image-1212",
            Fingerprint = "fp_emulator",
            MaxPromptLength = 1024,
            Created = Created,
            Object = "model",
            OwnedBy = Owner,
            Version = "1.0.0",
            InputModalities = ["text"],
            OutputModalities = ["image"],
            ImagePrice = 700_000_000,
            Aliases = ["grok-2-image", "grok-2-image-latest"],
        },
    ];

    public static ModelList Models { get; } = new()
    {
        Object = "list",
        Data = LanguageModels.Select(m => (m.Id, m.Created))
            .Concat(EmbeddingModels.Select(m => (m.Id, m.Created)))
            .Concat(ImageGenerationModels.Select(m => (m.Id, m.Created)))
            .Select(m => new Model { Id = m.Id, Created = m.Created, Object = "model", OwnedBy = Owner })
            .ToArray(),
    };

    public static Model? FindModel(string id)
    {
        var canonical = FindLanguageModel(id)?.Id ?? FindEmbeddingModel(id)?.Id ?? FindImageGenerationModel(id)?.Id;
        return canonical is null ? null : Models.Data.First(m => m.Id == canonical);
    }

    public static LanguageModel? FindLanguageModel(string id) => LanguageModels.FirstOrDefault(m => Matches(m.Id, m.Aliases, id));

    public static EmbeddingModel? FindEmbeddingModel(string id) => EmbeddingModels.FirstOrDefault(m => Matches(m.Id, m.Aliases, id));

    public static ImageGenerationModel? FindImageGenerationModel(string id) => ImageGenerationModels.FirstOrDefault(m => Matches(m.Id, m.Aliases, id));

    private static bool Matches(string modelId, IReadOnlyList<string>? aliases, string id)
        => string.Equals(modelId, id, StringComparison.Ordinal) || aliases?.Contains(id, StringComparer.Ordinal) == true;

    private static LanguageModel Language(string id, string[] input, long prompt, long cached, long completion, params string[] aliases) => new()
    {
        Id = id,
        Fingerprint = "fp_emulator",
        Created = Created,
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
        Aliases = aliases,
    };
}
