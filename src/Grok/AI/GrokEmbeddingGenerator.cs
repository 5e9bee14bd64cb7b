using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Grok.Embeddings;

namespace Grok.AI;

/// <summary>An <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over xAI's <c>POST embeddings</c>.</summary>
internal sealed class GrokEmbeddingGenerator(IGrokClient client, string? model) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata = new("xai", (client as IGrokRawClient)?.BaseAddress, model);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var request = options?.RawRepresentationFactory?.Invoke(this) as EmbeddingRequest ?? new EmbeddingRequest();
        request = request with
        {
            Input = values.ToList(),
            Model = options?.ModelId ?? request.Model ?? model,
            Dimensions = options?.Dimensions ?? request.Dimensions,
        };

        var response = await client.CreateEmbeddingsAsync(request, cancellationToken).ConfigureAwait(false);
        var embeddings = response.Data
            .OrderBy(e => e.Index)
            .Select(e => new Embedding<float>(e.Vector) { ModelId = response.Model });
        return new GeneratedEmbeddings<Embedding<float>>(embeddings)
        {
            Usage = response.Usage is { } usage ? new UsageDetails { InputTokenCount = usage.PromptTokens, TotalTokenCount = usage.TotalTokens } : null,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            return _metadata;
        }

        return serviceType.IsInstanceOfType(this) ? this : serviceType.IsInstanceOfType(client) ? client : null;
    }

    public void Dispose()
    {
    }
}
