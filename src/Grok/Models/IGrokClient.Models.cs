using System.Threading;
using System.Threading.Tasks;
using Grok.Models;
using Refit;

namespace Grok;

/// <summary>More of the model catalog, and the caller's identity.</summary>
public partial interface IGrokClient
{
    /// <summary>Lists video generation models (<c>GET video-generation-models</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The models.</returns>
    [GrokEndpoint("GET", "video-generation-models")]
    Task<VideoGenerationModelList> ListVideoGenerationModelsAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets one video generation model (<c>GET video-generation-models/{id}</c>).</summary>
    /// <param name="id">The model id or alias.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The model.</returns>
    [GrokEndpoint("GET", "video-generation-models/{id}")]
    Task<VideoGenerationModel> GetVideoGenerationModelAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Describes the caller (<c>GET me</c>): user, team, Zero Data Retention status, the key (redacted) or OAuth client.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The identity.</returns>
    [GrokEndpoint("GET", "me")]
    Task<CallerIdentity> GetMeAsync(CancellationToken cancellationToken = default);
}
