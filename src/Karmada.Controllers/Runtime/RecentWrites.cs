using System.Collections.Concurrent;
using System.Globalization;
using Karmada.Client;

namespace Karmada.Controllers.Runtime;

/// <summary>
/// The objects a controller wrote itself in the last moments, standing in for the informer's copy until the informer
/// delivers that very version. A burst of reconciles that write the same object (a binding's Works, the attached
/// binding every dependent of a ConfigMap patches) otherwise read a cache one write behind: a create refused as
/// AlreadyExists or a patch guard failing, then a read from the API server, per object. A remembered copy is only a
/// better first guess than the cache: every write made from it is still conditional (create, resourceVersion or
/// patch guards), so a copy someone else has overtaken costs the same retry as a stale cache did.
/// </summary>
public sealed class RecentWrites<T>
    where T : class
{
    /// <summary>How long a written copy is preferred to the informer's (the informer is normally milliseconds behind).</summary>
    public static readonly TimeSpan DefaultMemory = TimeSpan.FromSeconds(5);

    private const int SweepThreshold = 256;

    private readonly Func<T, string?> _resourceVersion;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _memory;
    private readonly ConcurrentDictionary<ObjectKey, (T Written, long At)> _written = new();

    public RecentWrites(Func<T, string?> resourceVersion, TimeProvider? timeProvider = null, TimeSpan? memory = null)
    {
        ArgumentNullException.ThrowIfNull(resourceVersion);
        _resourceVersion = resourceVersion;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _memory = memory ?? DefaultMemory;
    }

    /// <summary>Remembers the object as the API server answered a write of it.</summary>
    public void Record(ObjectKey key, T written)
    {
        ArgumentNullException.ThrowIfNull(written);
        _written[key] = (written, _timeProvider.GetTimestamp());
        if (_written.Count > SweepThreshold)
        {
            foreach (var (remembered, entry) in _written)
            {
                if (_timeProvider.GetElapsedTime(entry.At) >= _memory)
                {
                    _written.TryRemove(KeyValuePair.Create(remembered, entry));
                }
            }
        }
    }

    /// <summary>Forgets the object (deleted by this controller).</summary>
    public void Forget(ObjectKey key) => _written.TryRemove(key, out _);

    /// <summary>
    /// The copy to work from: the remembered write while it is recent and the informer's <paramref name="cached"/>
    /// copy is missing or older, else the cached one. Other writers (status writes) move an object on too, so a cached
    /// copy counts as older only when both resourceVersions are numbers (as this API server's and etcd's are) and its
    /// number is lower; an opaque version never makes the cache lose.
    /// </summary>
    public T? Resolve(ObjectKey key, T? cached)
    {
        if (!_written.TryGetValue(key, out var entry))
        {
            return cached;
        }

        if (_timeProvider.GetElapsedTime(entry.At) >= _memory || (cached is not null && !Older(cached, entry.Written)))
        {
            _written.TryRemove(KeyValuePair.Create(key, entry));
            return cached;
        }

        return entry.Written;
    }

    private bool Older(T cached, T written) =>
        ulong.TryParse(_resourceVersion(cached), NumberStyles.None, CultureInfo.InvariantCulture, out var cachedVersion)
        && ulong.TryParse(_resourceVersion(written), NumberStyles.None, CultureInfo.InvariantCulture, out var writtenVersion)
        && cachedVersion < writtenVersion;
}
