using System.Collections.Concurrent;
using System.Globalization;

namespace Karmada.Client.Informers;

/// <summary>
/// client-go's mutation cache (<c>NewIntegerResourceVersionMutationCache</c>): the objects a controller wrote itself in
/// the last moments, standing in for the informer's copy until the informer delivers that very version. Without it
/// the reconcile that follows a write works from the copy before it: a status write carries a stale resourceVersion
/// and is refused, a create is refused as AlreadyExists, a patch guard fails, each costing a wasted request and a
/// retry. A remembered copy is only a better first guess than the cache: every write made from it is still
/// conditional (create, resourceVersion or patch guards), so a copy someone else has overtaken costs the same retry
/// as a stale cache did.
/// </summary>
/// <typeparam name="T">The object type the informer holds.</typeparam>
public sealed class MutationCache<T>
    where T : class
{
    /// <summary>How long a written copy is preferred to the informer's (the informer is normally milliseconds behind).</summary>
    public static readonly TimeSpan DefaultMemory = TimeSpan.FromSeconds(5);

    private const int SweepThreshold = 256;

    private readonly Func<T, string?> _resourceVersion;
    private readonly Func<T, string?>? _uid;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _memory;
    private readonly ConcurrentDictionary<ObjectKey, (T Written, long At)> _written = new();

    /// <param name="resourceVersion">Reads an object's <c>metadata.resourceVersion</c>.</param>
    /// <param name="uid">Reads an object's <c>metadata.uid</c>, so that a copy of a replaced object never wins; null when
    /// the objects carry none.</param>
    /// <param name="timeProvider">The clock of <paramref name="memory"/>.</param>
    /// <param name="memory">How long a written copy may stand in; <see cref="DefaultMemory"/> when null.</param>
    public MutationCache(Func<T, string?> resourceVersion, Func<T, string?>? uid = null, TimeProvider? timeProvider = null, TimeSpan? memory = null)
    {
        ArgumentNullException.ThrowIfNull(resourceVersion);
        _resourceVersion = resourceVersion;
        _uid = uid;
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

    /// <summary>Forgets the object (deleted, or this controller no longer cares).</summary>
    public void Forget(ObjectKey key) => _written.TryRemove(key, out _);

    /// <summary>
    /// The copy to work from: the remembered write while it is recent and the informer's <paramref name="cached"/>
    /// copy is missing (a create the informer has not shown yet) or older, else the cached one. Other writers (status
    /// writes) move an object on too, so a cached copy counts as older only when both resourceVersions are numbers (as
    /// this API server's and etcd's are) and its number is lower; an opaque version never makes the cache lose, nor
    /// does a cached copy of another object of the same name (another uid).
    /// </summary>
    public T? Resolve(ObjectKey key, T? cached)
    {
        if (!_written.TryGetValue(key, out var entry))
        {
            return cached;
        }

        if (_timeProvider.GetElapsedTime(entry.At) >= _memory || (cached is not null && !(SameObject(cached, entry.Written) && Older(cached, entry.Written))))
        {
            _written.TryRemove(KeyValuePair.Create(key, entry));
            return cached;
        }

        return entry.Written;
    }

    /// <summary>
    /// Whether an informer event carries exactly the object this controller's own last write stored (same object and
    /// resourceVersion): the controller already knows that state, so reconciling it again would find nothing to do.
    /// The informer now holds that version, so the written copy is dropped.
    /// </summary>
    public bool IsOwnWrite(ObjectKey key, T observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        if (_written.TryGetValue(key, out var entry)
            && SameObject(observed, entry.Written)
            && _resourceVersion(entry.Written) is { } version
            && version == _resourceVersion(observed))
        {
            _written.TryRemove(KeyValuePair.Create(key, entry));
            return true;
        }

        return false;
    }

    private bool SameObject(T a, T b) => _uid is null || _uid(a) == _uid(b);

    private bool Older(T cached, T written) =>
        ulong.TryParse(_resourceVersion(cached), NumberStyles.None, CultureInfo.InvariantCulture, out var cachedVersion)
        && ulong.TryParse(_resourceVersion(written), NumberStyles.None, CultureInfo.InvariantCulture, out var writtenVersion)
        && cachedVersion < writtenVersion;
}
