using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Grok.Emulation;

/// <summary>A host lifetime that ignores Ctrl+C and SIGTERM: the emulator lives exactly as long as its owner keeps it.</summary>
internal sealed class NoopHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
