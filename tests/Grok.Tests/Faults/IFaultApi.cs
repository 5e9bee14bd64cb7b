using System.Threading;
using System.Threading.Tasks;

namespace Grok.Tests.Faults;

public sealed class Item
{
    public string? Id { get; set; }
}

/// <summary>Idempotent endpoints, for the rows of the retry table that differ from POST.</summary>
public interface IFaultApi
{
    [GrokEndpoint("GET", "items/{id}")]
    Task<Item> GetItemAsync(string id, CancellationToken cancellationToken = default);

    [GrokEndpoint("GET", "items/{id}/info")]
    Task<Item> GetItemInfoAsync(string id, CancellationToken cancellationToken = default);

    [GrokEndpoint("DELETE", "items/{id}")]
    Task DeleteItemAsync(string id, CancellationToken cancellationToken = default);
}
