using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Grok.DependencyInjection;

/// <summary>
/// Tells <see cref="IOptionsMonitor{TOptions}"/> when the configuration reloads (a rotated key), so clients created
/// afterwards see the new values. Without an <see cref="IConfiguration"/> in the container nothing ever changes.
/// </summary>
internal sealed class GrokConfigurationChangeTokenSource(string name, IConfiguration? configuration) : IOptionsChangeTokenSource<GrokClientOptions>
{
    private static readonly IChangeToken s_never = new CancellationChangeToken(CancellationToken.None);

    public string Name => name;

    public IChangeToken GetChangeToken() => configuration?.GetReloadToken() ?? s_never;
}
