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

    /// <summary>Gets or sets the largest file <c>POST files</c> accepts, in bytes; larger uploads get 413. 50 MiB by default, as xAI.</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Gets or sets how many files are kept at once; further uploads get 429. 1000 by default.</summary>
    public int MaxStoredFiles { get; set; } = 1000;

    /// <summary>
    /// Gets or sets a directory to keep uploaded files in (one file each, deleted with the file or the emulator), so
    /// large files do not sit in memory; null (the default) keeps them in memory, up to <see cref="MaxStoredBytesInMemory"/>.
    /// </summary>
    public string? FileStorageDirectory { get; set; }

    /// <summary>Gets or sets the most bytes of files kept in memory; further uploads get 413. 256 MiB by default.</summary>
    public long MaxStoredBytesInMemory { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// Gets or sets how many pending requests of a batch finish on each <c>GET batches/{batch_id}</c>: batches progress
    /// one poll at a time, deterministically. 2 by default.
    /// </summary>
    public int BatchRequestsPerPoll { get; set; } = 2;

    /// <summary>Gets or sets the largest <c>n</c> (choices per chat completion) answered; a larger one gets 400. 16 by default.</summary>
    public int MaxChoices { get; set; } = 16;

    /// <summary>
    /// Gets or sets how many values a sample answer to a <c>json_schema</c> response format may hold; a schema that fans
    /// out further gets 400. 10,000 by default.
    /// </summary>
    public int MaxSchemaNodes { get; set; } = 10_000;

    /// <summary>Gets or sets how many requests <see cref="GrokEmulator.Requests"/> keeps; older ones are dropped. 1,000 by default.</summary>
    public int MaxRecordedRequests { get; set; } = 1_000;

    /// <summary>Gets or sets how many deferred completions wait to be fetched; past it the oldest is forgotten. 1,000 by default.</summary>
    public int MaxDeferredCompletions { get; set; } = 1_000;
}
