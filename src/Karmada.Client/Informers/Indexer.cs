namespace Karmada.Client.Informers;

/// <summary>
/// The thread-safe cache of an informer: objects by key (<c>namespace/name</c>) plus named secondary indexes, each
/// mapping an index value (a namespace, a label value, an owner) to the keys of the objects that produce it.
/// Returned objects are shared with every other reader: never mutate them; clone first
/// (<see cref="ObjectCloner"/>).
/// </summary>
public sealed class Indexer<T> where T : class
{
    private readonly Lock _gate = new();
    private readonly Func<T, string> _keyFunc;
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<T, IEnumerable<string>>> _indexFuncs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _indices = new(StringComparer.Ordinal);

    // The index values each cached object produced when it was stored: an update whose values did not change leaves
    // the indexes alone, and a removal needs no second run of the index functions.
    private readonly Dictionary<string, IndexValue[]> _indexedValues = new(StringComparer.Ordinal);

    public Indexer(Func<T, string> keyFunc)
    {
        ArgumentNullException.ThrowIfNull(keyFunc);
        _keyFunc = keyFunc;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>The key of an object as this cache computes it.</summary>
    public string KeyOf(T obj) => _keyFunc(obj);

    /// <summary>
    /// Adds a named index. The function returns the index values of an object (none, one or several) and must be
    /// deterministic. Adding an index to a populated cache indexes the existing objects.
    /// </summary>
    public void AddIndex(string name, Func<T, IEnumerable<string>> indexFunc)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(indexFunc);
        lock (_gate)
        {
            if (!_indexFuncs.TryAdd(name, indexFunc))
            {
                throw new InvalidOperationException($"Index '{name}' already exists.");
            }

            var index = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            _indices[name] = index;
            foreach (var (key, item) in _items)
            {
                var added = new List<IndexValue>();
                foreach (var value in indexFunc(item))
                {
                    added.Add(new IndexValue(name, value));
                    AddToIndex(index, value, key);
                }

                if (added.Count > 0)
                {
                    _indexedValues[key] = [.. _indexedValues.GetValueOrDefault(key, []), .. added];
                }
            }
        }
    }

    public bool HasIndex(string name)
    {
        lock (_gate)
        {
            return _indexFuncs.ContainsKey(name);
        }
    }

    public T? Get(string key)
    {
        lock (_gate)
        {
            return _items.GetValueOrDefault(key);
        }
    }

    public T? Get(ObjectKey key) => Get(key.ToString());

    /// <summary>A snapshot of all cached objects.</summary>
    public IReadOnlyList<T> List()
    {
        lock (_gate)
        {
            return [.. _items.Values];
        }
    }

    public IReadOnlyList<string> ListKeys()
    {
        lock (_gate)
        {
            return [.. _items.Keys];
        }
    }

    /// <summary>The objects whose index function returned <paramref name="indexedValue"/> for index <paramref name="indexName"/>.</summary>
    public IReadOnlyList<T> ByIndex(string indexName, string indexedValue)
    {
        lock (_gate)
        {
            var keys = IndexKeysLocked(indexName, indexedValue);
            if (keys is null)
            {
                return [];
            }

            var result = new List<T>(keys.Count);
            foreach (var key in keys)
            {
                result.Add(_items[key]);
            }

            return result;
        }
    }

    /// <summary>The keys of the objects that <see cref="ByIndex"/> would return.</summary>
    public IReadOnlyList<string> KeysByIndex(string indexName, string indexedValue)
    {
        lock (_gate)
        {
            var keys = IndexKeysLocked(indexName, indexedValue);
            return keys is null ? [] : [.. keys];
        }
    }

    /// <summary>Inserts or replaces an object; returns the previous object under the same key, if any.</summary>
    internal T? Upsert(T obj)
    {
        var key = _keyFunc(obj);
        lock (_gate)
        {
            // Compute index values first so a throwing index function leaves the cache untouched.
            var newValues = IndexValuesOf(obj);
            _items.TryGetValue(key, out var old);
            _items[key] = obj;
            var oldValues = _indexedValues.GetValueOrDefault(key, []);
            if (old is null || !oldValues.AsSpan().SequenceEqual(newValues))
            {
                RemoveFromIndicesLocked(key, oldValues);
                AddToIndicesLocked(key, newValues);
            }

            return old;
        }
    }

    /// <summary>Removes the object with the key; returns it, or null when it was not cached.</summary>
    internal T? Remove(string key)
    {
        lock (_gate)
        {
            if (!_items.Remove(key, out var old))
            {
                return null;
            }

            RemoveFromIndicesLocked(key, _indexedValues.GetValueOrDefault(key, []));
            return old;
        }
    }

    /// <summary>Replaces the whole content (after a list); returns the previous content by key.</summary>
    internal Dictionary<string, T> Replace(IEnumerable<T> items)
    {
        var fresh = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            fresh[_keyFunc(item)] = item;
        }

        lock (_gate)
        {
            var previous = new Dictionary<string, T>(_items, StringComparer.Ordinal);
            _items.Clear();
            _indexedValues.Clear();
            foreach (var index in _indices.Values)
            {
                index.Clear();
            }

            foreach (var (key, item) in fresh)
            {
                _items[key] = item;
                AddToIndicesLocked(key, IndexValuesOf(item));
            }

            return previous;
        }
    }

    private HashSet<string>? IndexKeysLocked(string indexName, string indexedValue)
    {
        if (!_indices.TryGetValue(indexName, out var index))
        {
            throw new ArgumentException($"Index '{indexName}' does not exist.", nameof(indexName));
        }

        return index.GetValueOrDefault(indexedValue);
    }

    private IndexValue[] IndexValuesOf(T obj)
    {
        if (_indexFuncs.Count == 0)
        {
            return [];
        }

        var values = new List<IndexValue>();
        foreach (var (name, func) in _indexFuncs)
        {
            foreach (var value in func(obj))
            {
                values.Add(new IndexValue(name, value));
            }
        }

        return [.. values];
    }

    private void AddToIndicesLocked(string key, IndexValue[] values)
    {
        if (values.Length == 0)
        {
            _indexedValues.Remove(key);
            return;
        }

        _indexedValues[key] = values;
        foreach (var (name, value) in values)
        {
            AddToIndex(_indices[name], value, key);
        }
    }

    private void RemoveFromIndicesLocked(string key, IndexValue[] values)
    {
        foreach (var (name, value) in values)
        {
            var index = _indices[name];
            if (index.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
            {
                index.Remove(value);
            }
        }

        _indexedValues.Remove(key);
    }

    private static void AddToIndex(Dictionary<string, HashSet<string>> index, string value, string key)
    {
        if (!index.TryGetValue(value, out var keys))
        {
            keys = new HashSet<string>(StringComparer.Ordinal);
            index[value] = keys;
        }

        keys.Add(key);
    }

    /// <summary>One value an object produced for one index.</summary>
    private readonly record struct IndexValue(string Index, string Value);
}
