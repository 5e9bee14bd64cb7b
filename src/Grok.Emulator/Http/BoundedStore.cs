using System;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Grok.Emulation;

/// <summary>A keyed store that forgets its oldest entries beyond a capacity, so the emulator's memory stays bounded.</summary>
internal sealed class BoundedStore<T>
    where T : class
{
    private readonly ConcurrentDictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly int _capacity;

    public BoundedStore(int capacity) => _capacity = capacity;

    public int Count => _items.Count;

    public void Add(string key, T value)
    {
        _items[key] = value;
        _order.Enqueue(key);
        while (_items.Count > _capacity && _order.TryDequeue(out var oldest))
        {
            _items.TryRemove(oldest, out _);
        }
    }

    public bool TryGet(string key, [NotNullWhen(true)] out T? value) => _items.TryGetValue(key, out value);

    public bool TryRemove(string key, [NotNullWhen(true)] out T? value) => _items.TryRemove(key, out value);

    public T[] Snapshot() => [.. _items.Values];
}
