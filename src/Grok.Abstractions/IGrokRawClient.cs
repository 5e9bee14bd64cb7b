using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Grok;

/// <summary>
/// The escape hatch every generated client offers: send JSON to an endpoint nobody has typed yet, with the same key,
/// base address and errors. Reach it with <c>client.SendAsync(...)</c> from the <c>Grok</c> package, or by casting.
/// </summary>
public interface IGrokRawClient
{
    /// <summary>Gets the base address requests go to, such as <c>https://api.x.ai/v1/</c>.</summary>
    System.Uri BaseAddress { get; }

    /// <summary>Sends <paramref name="body"/> (if any) as JSON and returns the answer's JSON (null for an empty body).</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path relative to the base address, e.g. <c>responses</c>.</param>
    /// <param name="body">The JSON body, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer's JSON.</returns>
    /// <exception cref="GrokApiException">The answer is not 2xx or not JSON.</exception>
    Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body = null, CancellationToken cancellationToken = default);
}
