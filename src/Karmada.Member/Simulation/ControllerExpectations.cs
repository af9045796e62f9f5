namespace Karmada.Member.Simulation;

/// <summary>
/// client-go's <c>UIDTrackingControllerExpectations</c>: after a controller creates or deletes pods for an owner it
/// must not act on that owner again until its informer has seen those changes (or a timeout passes), or it would act
/// on a stale cache and create or delete too many. Creations are counted; deletions are tracked by pod uid, because
/// one deletion is observed twice (its termination starting, then the pod going) and must be counted once, and the
/// deletion of a pod this controller did not delete must not count for one it did.
/// </summary>
/// <remarks>
/// A caller must ask <see cref="Satisfied"/> before it reads the pods it acts on: an event that satisfies the
/// expectations after the pods were read would otherwise let a list that lacks that very pod drive new writes.
/// </remarks>
internal sealed class ControllerExpectations(TimeProvider timeProvider)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    /// <summary>Whether every write expected for the owner has been observed (or the expectation expired).</summary>
    public bool Satisfied(string key)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(key, out var entry))
            {
                return true;
            }

            if ((entry.Adds <= 0 && entry.Deletes.Count == 0) || timeProvider.GetUtcNow() - entry.Set > Timeout)
            {
                _pending.Remove(key);
                return true;
            }

            return false;
        }
    }

    /// <summary>Records that <paramref name="adds"/> pods are about to be created for the owner.</summary>
    public void ExpectCreations(string key, int adds)
    {
        lock (_gate)
        {
            _pending[key] = new Pending(adds, new HashSet<string>(StringComparer.Ordinal), timeProvider.GetUtcNow());
        }
    }

    /// <summary>Records that the pods with these uids are about to be deleted for the owner.</summary>
    public void ExpectDeletions(string key, IEnumerable<string> podUids)
    {
        lock (_gate)
        {
            _pending[key] = new Pending(0, new HashSet<string>(podUids, StringComparer.Ordinal), timeProvider.GetUtcNow());
        }
    }

    /// <summary>A pod of the owner appeared in the informer, or a create for it failed.</summary>
    public void CreationObserved(string key) => LowerCreations(key, 1);

    /// <summary>Creates that will never be observed (they failed or were not sent).</summary>
    public void LowerCreations(string key, int count)
    {
        lock (_gate)
        {
            if (_pending.TryGetValue(key, out var entry))
            {
                _pending[key] = entry with { Adds = entry.Adds - count };
            }
        }
    }

    /// <summary>
    /// The pod started terminating or is gone from the informer, or its delete failed; counts only for a pod this
    /// controller is waiting for, once.
    /// </summary>
    public void DeletionObserved(string key, string podUid)
    {
        lock (_gate)
        {
            if (_pending.TryGetValue(key, out var entry))
            {
                entry.Deletes.Remove(podUid);
            }
        }
    }

    public void Forget(string key)
    {
        lock (_gate)
        {
            _pending.Remove(key);
        }
    }

    private readonly record struct Pending(int Adds, HashSet<string> Deletes, DateTimeOffset Set);
}
