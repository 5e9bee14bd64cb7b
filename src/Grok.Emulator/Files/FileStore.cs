using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;
using Grok.Files;

namespace Grok.Emulation;

/// <summary>The emulator's files: metadata plus bytes in memory or in a directory, within the configured caps.</summary>
internal sealed class FileStore : IDisposable
{
    private readonly ConcurrentDictionary<string, StoredFile> _files = new(StringComparer.Ordinal);
    private readonly GrokEmulatorOptions _options;
    private readonly string? _directory;
    private long _memoryBytes;
    private long _sequence;

    public FileStore(GrokEmulatorOptions options)
    {
        _options = options;
        if (options.FileStorageDirectory is { } root)
        {
            _directory = Path.Combine(root, "grok-emulator-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_directory);
        }
    }

    public long MaxFileBytes => _options.MaxFileBytes;

    public bool IsFull => _files.Count >= _options.MaxStoredFiles;

    /// <summary>Where an upload is written while it arrives: a file in the directory, or memory within the cap.</summary>
    public Stream CreateTarget(out string? path)
    {
        if (_directory is null)
        {
            path = null;
            return new MemoryStream();
        }

        path = Path.Combine(_directory, Guid.NewGuid().ToString("N"));
        return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.Asynchronous);
    }

    /// <summary>The most bytes an upload may still take in memory (files on disk: just the file cap).</summary>
    public long RemainingMemory => _directory is null ? Math.Max(0, _options.MaxStoredBytesInMemory - Interlocked.Read(ref _memoryBytes)) : long.MaxValue;

    public GrokFile Add(string fileName, string contentType, long? expiresAfter, string? purpose, Stream target, string? path)
    {
        var number = Interlocked.Increment(ref _sequence);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var file = new GrokFile
        {
            Id = "file_" + EmulatorHttp.StableId("file:" + fileName, number),
            Object = "file",
            Bytes = target.Length,
            FileName = fileName,
            CreatedAt = now,
            ExpiresAt = expiresAfter is { } seconds ? now + seconds : null,
            Purpose = purpose ?? "",
        };

        byte[]? bytes = null;
        if (path is null)
        {
            bytes = ((MemoryStream)target).ToArray();
            Interlocked.Add(ref _memoryBytes, bytes.Length);
        }

        _files[file.Id] = new StoredFile(file, bytes, path, contentType, number);
        return file;
    }

    public bool TryGet(string id, [NotNullWhen(true)] out StoredFile? file)
    {
        if (_files.TryGetValue(id, out file))
        {
            if (file.Meta.ExpiresAt is not { } expires || expires > DateTimeOffset.UtcNow.ToUnixTimeSeconds())
            {
                return true;
            }

            Remove(id);
        }

        file = null;
        return false;
    }

    public void Update(StoredFile file) => _files[file.Meta.Id] = file;

    public bool Remove(string id)
    {
        if (!_files.TryRemove(id, out var file))
        {
            return false;
        }

        if (file.Bytes is not null)
        {
            Interlocked.Add(ref _memoryBytes, -file.Bytes.Length);
        }

        if (file.Path is not null)
        {
            TryDelete(file.Path);
        }

        return true;
    }

    /// <summary>The live files, oldest first.</summary>
    public IEnumerable<StoredFile> All()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return _files.Values.Where(f => f.Meta.ExpiresAt is not { } expires || expires > now).OrderBy(f => f.Sequence);
    }

    public Stream OpenRead(StoredFile file)
        => file.Bytes is { } bytes
            ? new MemoryStream(bytes, writable: false)
            : new FileStream(file.Path!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public void Dispose()
    {
        if (_directory is null)
        {
            return;
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>One stored file.</summary>
    internal sealed record StoredFile(GrokFile Meta, byte[]? Bytes, string? Path, string ContentType, long Sequence);
}
