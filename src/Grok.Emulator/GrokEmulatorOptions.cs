using System;

namespace Grok;

/// <summary>Settings of a <see cref="GrokEmulator"/>.</summary>
public sealed class GrokEmulatorOptions
{
    /// <summary>The key used when none is set: <c>xai-emulator-key</c>.</summary>
    public const string DefaultApiKey = "xai-emulator-key";

    /// <summary>Gets or sets the only API key the emulator accepts as <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    public string ApiKey { get; set; } = DefaultApiKey;

    /// <summary>Gets or sets the TCP port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Gets or sets the pause between two frames of a streamed answer; zero by default.</summary>
    public TimeSpan ChunkDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Gets or sets how many polls of <c>GET chat/deferred-completion/{request_id}</c> answer 202 (pending)
    /// before the completion is returned with 200; 1 by default.
    /// </summary>
    public int DeferredPendingPolls { get; set; } = 1;
}
