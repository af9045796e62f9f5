using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Client;

namespace Karmada.Member.Simulation;

/// <summary>
/// client-go's mutation cache (<c>NewIntegerResourceVersionMutationCache</c>): remembers the object a controller's
/// own write returned until the informer has caught up with it, so the next reconcile of the same object does not work
/// from the copy before that write. Without it a status write that follows closely on the previous one carries a
/// stale resourceVersion and is rejected with a conflict, costing a wasted request, a requeue and a second reconcile.
/// </summary>
internal sealed class MutationCache
{
    private readonly ConcurrentDictionary<ObjectKey, JsonObject> _written = new();

    /// <summary>The newer of the informer's copy and the last written one (same uid, higher resourceVersion).</summary>
    public JsonObject? Freshest(ObjectKey key, JsonObject? cached)
    {
        if (!_written.TryGetValue(key, out var written))
        {
            return cached;
        }

        if (cached is not null
            && JsonRead.Str(written, "metadata", "uid") == JsonRead.Str(cached, "metadata", "uid")
            && Version(written) is { } mine && Version(cached) is { } seen && mine > seen)
        {
            return written;
        }

        // The informer has caught up (or the object was replaced or deleted): its copy is the truth again.
        _written.TryRemove(KeyValuePair.Create(key, written));
        return cached;
    }

    /// <summary>Records what the server returned for one of this controller's writes.</summary>
    public void Written(ObjectKey key, JsonObject stored) => _written[key] = stored;

    /// <summary>
    /// Whether an informer event carries exactly the object this controller's own last write stored (same uid and
    /// resourceVersion): the controller already knows that state, so reconciling it again would find nothing to do.
    /// The informer now holds that version, so the written copy is dropped (no reconcile may come to drop it).
    /// </summary>
    public bool IsOwnWrite(ObjectKey key, JsonObject observed)
    {
        if (_written.TryGetValue(key, out var written)
            && JsonRead.Str(written, "metadata", "uid") == JsonRead.Str(observed, "metadata", "uid")
            && JsonRead.Str(written, "metadata", "resourceVersion") is { } version
            && version == JsonRead.Str(observed, "metadata", "resourceVersion"))
        {
            _written.TryRemove(KeyValuePair.Create(key, written));
            return true;
        }

        return false;
    }

    public void Forget(ObjectKey key) => _written.TryRemove(key, out _);

    private static long? Version(JsonObject obj) =>
        long.TryParse(JsonRead.Str(obj, "metadata", "resourceVersion"), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
}
