#!/usr/bin/env bash
# Packaging check: packs Grok.Abstractions, Grok and Grok.Emulator, checks the generator is inside Grok.Abstractions,
# then builds and runs a throwaway console app that knows nothing of this repo except the packages. The app references
# only Grok and Grok.Emulator (the generator must come along through Grok), declares its own [GrokEndpoint] interface
# and calls it over loopback HTTP, and calls IGrokClient (made by GrokClient.Create and by AddGrokClient) against the
# packaged emulator. It also checks every package carries its README, repository URL, icon and a .snupkg. Exits 0 when
# everything works.
# Usage: tests/packaging/run.sh   (from anywhere; called by .ci/run)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
configuration=Release
work="$(mktemp -d "${TMPDIR:-/tmp}/grok-packaging.XXXXXX")"
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
app="$work/consumer"

step() { echo "packaging: $*"; }
fail() { echo "packaging: FAIL: $*" >&2; exit 1; }

case "$work/" in "$repo"/*) fail "the temp dir $work is inside the repo; its Directory.Build.props would leak in" ;; esac

version="$(dotnet msbuild "$repo/src/Grok.Abstractions/Grok.Abstractions.csproj" -nologo -getProperty:PackageVersion -p:Configuration=$configuration)"
[ -n "$version" ] || fail "could not read the package version"

for project in Grok.Abstractions Grok Grok.Emulator; do
  step "dotnet pack src/$project -c $configuration (version $version)"
  dotnet pack "$repo/src/$project/$project.csproj" -c "$configuration" -o "$feed" -nologo -v:q -clp:NoSummary \
    || fail "dotnet pack $project failed"
  [ -f "$feed/$project.$version.nupkg" ] || fail "expected $feed/$project.$version.nupkg; the feed has: $(ls "$feed")"
done
nupkg="$feed/Grok.Abstractions.$version.nupkg"
[ -f "$nupkg" ] || fail "expected $nupkg; the feed has: $(ls "$feed")"

step "checking the package layout"
listing="$(unzip -Z1 "$nupkg")"
grep -qx 'analyzers/dotnet/roslyn4.8/cs/Grok.Generator.dll' <<<"$listing" \
  || fail "analyzers/dotnet/roslyn4.8/cs/Grok.Generator.dll is missing from the package:"$'\n'"$listing"
grep -qx 'lib/net10.0/Grok.Abstractions.dll' <<<"$listing" || fail "lib/net10.0/Grok.Abstractions.dll is missing"
if grep -q '^analyzers/.*Grok.Abstractions.dll$' <<<"$listing"; then fail "Grok.Abstractions.dll must not be in analyzers/"; fi
for package in Grok.Abstractions Grok Grok.Emulator; do
  if unzip -p "$feed/$package.$version.nupkg" "$package.nuspec" | grep -qi 'id="Grok.Generator"'; then
    fail "$package depends on Grok.Generator, which is not published; the generator must ride inside Grok.Abstractions"
  fi
done
unzip -p "$feed/Grok.$version.nupkg" Grok.nuspec | grep -qi 'id="Grok.Abstractions"' \
  || fail "the Grok package does not depend on Grok.Abstractions, so it would not bring the generator"

step "checking each package's metadata: README, repository URL, icon, symbols"
for package in Grok.Abstractions Grok Grok.Emulator; do
  file="$feed/$package.$version.nupkg"
  nuspec="$(unzip -p "$file" "$package.nuspec")"
  files="$(unzip -Z1 "$file")"
  grep -q '<readme>README.md</readme>' <<<"$nuspec" || fail "$package.nuspec names no <readme>README.md</readme>:"$'\n'"$nuspec"
  grep -qx 'README.md' <<<"$files" || fail "$package has no README.md at its root"
  grep -qx "# $package" <<<"$(unzip -p "$file" README.md | tr -d '\r')" || fail "$package's README.md is not its own (no '# $package' title)"
  grep -Eq '<repository type="git" url="https://github.com/[^"]+"' <<<"$nuspec" \
    || fail "$package.nuspec has no <repository type=\"git\" url=\"https://github.com/...\">:"$'\n'"$nuspec"
  grep -q '<icon>icon.png</icon>' <<<"$nuspec" && grep -qx 'icon.png' <<<"$files" || fail "$package has no icon.png"
  grep -q '<copyright>' <<<"$nuspec" || fail "$package.nuspec has no <copyright>"
  grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "$package.nuspec has no MIT license expression"
  symbols="$feed/$package.$version.snupkg"
  [ -f "$symbols" ] || fail "no symbol package $symbols; the feed has: $(ls "$feed")"
  grep -qx "lib/net10.0/$package.pdb" <<<"$(unzip -Z1 "$symbols")" || fail "$symbols has no lib/net10.0/$package.pdb"
done

# Never use a stale Grok.Abstractions from an earlier run: remove it from the global packages folder.
packages="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')"
packages="${packages:-$HOME/.nuget/packages}"
for package in grok.abstractions grok grok.emulator; do
  rm -rf "${packages%/}/$package/$version"
done

step "building a consumer app outside the repo ($app)"
mkdir -p "$app"
# Stop MSBuild's upward search for Directory.*.props/targets: nothing above the temp dir applies.
echo '<Project />' > "$app/Directory.Build.props"
echo '<Project />' > "$app/Directory.Build.targets"
echo '<Project />' > "$app/Directory.Packages.props"
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <!-- Grok and Grok.* only from the feed just packed, never a same-named package from nuget.org. -->
  <packageSourceMapping>
    <packageSource key="local"><package pattern="Grok" /><package pattern="Grok.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
cat > "$app/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Grok" Version="$version" />
    <PackageReference Include="Grok.Emulator" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > "$app/MyApi.cs" <<'CS'
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Grok;

namespace Consumer;

public sealed class Question
{
    public string? Model { get; set; }

    public string? Prompt { get; set; }
}

public sealed class Answer
{
    public string? Id { get; set; }

    public string? Text { get; set; }
}

public sealed class Chunk
{
    public int Index { get; set; }

    public string? Delta { get; set; }
}

public interface IMyApi
{
    [GrokEndpoint("POST", "chat/completions")]
    Task<Answer> AskAsync(Question body, CancellationToken cancellationToken = default);

    [GrokEndpoint("POST", "chat/completions", Stream = true)]
    IAsyncEnumerable<Chunk> AskStreamingAsync(Question body, CancellationToken cancellationToken = default);
}
CS
cat > "$app/Program.cs" <<'CS'
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Consumer;
using Grok;
using Grok.Chat;
using Microsoft.Extensions.DependencyInjection;

using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
var seen = new ConcurrentQueue<string>();
var (listener, server) = StartListener();
var serving = ServeAsync(listener, seen, timeout.Token);

var failures = new List<string>();
void Check(bool condition, string what)
{
    if (!condition)
    {
        failures.Add(what);
    }
}

try
{
    var api = GrokClient.Create<IMyApi>(new GrokClientOptions { ApiKey = "test-key", BaseAddress = new Uri(server + "v1/"), MaxRetries = 0 });

    var answer = await api.AskAsync(new Question { Model = "grok-test", Prompt = "ping" }, timeout.Token);
    Check(answer.Id == "answer-1" && answer.Text == "pong to ping", $"plain POST answer: {JsonSerializer.Serialize(answer)}");

    var deltas = new List<string>();
    await foreach (var chunk in api.AskStreamingAsync(new Question { Model = "grok-test", Prompt = "count" }, timeout.Token))
    {
        deltas.Add($"{chunk.Index}:{chunk.Delta}");
    }

    Check(string.Join(",", deltas) == "0:one,1:two,2:three", $"streamed chunks: {string.Join(",", deltas)}");

    // The ready client, generated inside the Grok package, against the packaged emulator.
    await using var emulator = await GrokEmulator.StartAsync();
    var grok = GrokClient.Create<IGrokClient>(emulator.CreateClientOptions());
    var text = await grok.ChatAsync("ping", cancellationToken: timeout.Token);
    Check(text == "You said: ping", $"IGrokClient.ChatAsync answered '{text}'");
    var folded = await grok.StreamChatCompletionAsync(new ChatCompletionRequest { Messages = [ChatMessage.User("pong")] }, timeout.Token).ToChatCompletionAsync(timeout.Token);
    Check(folded.Content == "You said: pong", $"IGrokClient streamed '{folded.Content}'");

    // The DI registration from the package: IHttpClientFactory, options, validation, one Grok handler.
    var services = new ServiceCollection();
    services.AddGrokClient(o => { o.ApiKey = emulator.ApiKey; o.BaseAddress = emulator.BaseAddress; });
    services.AddGrokChatClient();
    await using (var provider = services.BuildServiceProvider())
    {
        var registered = await provider.GetRequiredService<IGrokClient>().ChatAsync("di", cancellationToken: timeout.Token);
        Check(registered == "You said: di", $"IGrokClient from AddGrokClient answered '{registered}'");
    }
}
catch (Exception ex)
{
    failures.Add("call threw " + ex);
}
finally
{
    listener.Stop();
}

var requests = seen.ToArray();
Check(requests.Length == 2, $"server saw {requests.Length} requests, expected 2: {string.Join(" | ", requests)}");
foreach (var request in requests)
{
    Check(request.Contains("auth=Bearer test-key;", StringComparison.Ordinal), "no 'Authorization: Bearer test-key' on " + request);
    Check(request.StartsWith("POST /v1/chat/completions;", StringComparison.Ordinal), "wrong method or path: " + request);
}

Check(requests.Length == 2 && requests[1].Contains("accept=text/event-stream;", StringComparison.Ordinal), "the streaming call did not accept text/event-stream");

if (failures.Count > 0)
{
    foreach (var failure in failures)
    {
        Console.Error.WriteLine("FAIL: " + failure);
    }

    return 1;
}

Console.WriteLine("OK");
return 0;

static (HttpListener Listener, string Prefix) StartListener()
{
    for (var attempt = 0; ; attempt++)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var prefix = $"http://127.0.0.1:{port}/";
        var listener = new HttpListener();
        listener.Prefixes.Add(prefix);
        try
        {
            listener.Start();
            return (listener, prefix);
        }
        catch (HttpListenerException) when (attempt < 5)
        {
            listener.Close();
        }
    }
}

static async Task ServeAsync(HttpListener listener, ConcurrentQueue<string> seen, CancellationToken cancellationToken)
{
    while (listener.IsListening && !cancellationToken.IsCancellationRequested)
    {
        HttpListenerContext context;
        try
        {
            context = await listener.GetContextAsync();
        }
        catch (Exception) when (!listener.IsListening)
        {
            return;
        }

        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(cancellationToken);
        }

        using var json = JsonDocument.Parse(body);
        var stream = json.RootElement.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var prompt = json.RootElement.TryGetProperty("prompt", out var p) ? p.GetString() : null;
        seen.Enqueue($"{request.HttpMethod} {request.Url!.AbsolutePath};auth={request.Headers["Authorization"]};accept={request.Headers["Accept"]};stream={stream};");

        var response = context.Response;
        if (stream)
        {
            response.ContentType = "text/event-stream";
            response.SendChunked = true;
            var words = new[] { "one", "two", "three" };
            for (var i = 0; i < words.Length; i++)
            {
                var data = Encoding.UTF8.GetBytes($"data: {{\"index\":{i},\"delta\":\"{words[i]}\"}}\n\n");
                await response.OutputStream.WriteAsync(data, cancellationToken);
                await response.OutputStream.FlushAsync(cancellationToken);
            }

            var done = Encoding.UTF8.GetBytes("data: [DONE]\n\n");
            await response.OutputStream.WriteAsync(done, cancellationToken);
        }
        else
        {
            response.ContentType = "application/json";
            var data = JsonSerializer.SerializeToUtf8Bytes(new { id = "answer-1", text = "pong to " + prompt });
            response.ContentLength64 = data.Length;
            await response.OutputStream.WriteAsync(data, cancellationToken);
        }

        response.Close();
    }
}
CS

dotnet build "$app/Consumer.csproj" -c "$configuration" -nologo -v:q -clp:NoSummary || fail "the consumer does not build against the package"
[ -d "${packages%/}/grok.abstractions/$version" ] || fail "the consumer did not restore Grok.Abstractions $version from the feed"

step "running the consumer"
timeout 120 dotnet "$app/bin/$configuration/net10.0/Consumer.dll" || fail "the consumer app failed (exit $?)"
step "OK"
