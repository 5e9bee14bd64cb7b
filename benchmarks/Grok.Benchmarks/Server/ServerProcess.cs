using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Grok.Benchmarks.Server;

/// <summary>This benchmark's executable started again as a child: the server (<c>--serve</c>) or one cold-start sample.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri root)
    {
        _process = process;
        Root = root;
    }

    /// <summary>Gets the server's root address, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Root { get; }

    public static async Task<ServerProcess> StartAsync()
    {
        var process = Process.Start(Self("--serve", redirectInput: true)) ?? throw new InvalidOperationException("Could not start the server process.");
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        if (line is null || !line.StartsWith("LISTENING ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"The server process did not start: {line ?? "(no output)"} {await process.StandardError.ReadToEndAsync().ConfigureAwait(false)}");
        }

        return new ServerProcess(process, new Uri(line["LISTENING ".Length..]));
    }

    /// <summary>A start of this executable with <paramref name="arguments"/>, output read by the caller.</summary>
    public static ProcessStartInfo Self(string arguments, bool redirectInput = false)
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var info = Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? new ProcessStartInfo(path, $"\"{typeof(ServerProcess).Assembly.Location}\" {arguments}")
            : new ProcessStartInfo(path, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = redirectInput;
        info.UseShellExecute = false;

        // Under dotnet-trace the children would inherit its diagnostic port and wait for it; only the parent is traced.
        info.Environment.Remove("DOTNET_DiagnosticPorts");
        return info;
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000))
            {
                _process.Kill();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
