using System.Collections.Concurrent;
using Karmada.Client;

namespace Karmada.Controllers.Runtime;

/// <summary>
/// Debounces an object's status writes: the first change after a quiet spell opens a window, changes inside it only
/// wait, and one reconcile at its end writes whatever the sources say then. A Deployment rolling out on several
/// members changes its member objects' status, and so its Works' and its binding's, many times within a second or two
/// (each Work created, applied, then each member's rollout reported step by step); written one by one, each change
/// cost an API write and a watch event to every informer of the object. Level-triggered: nothing is lost, only
/// intermediate states are skipped, and a status lags its sources by at most the interval. Used per Work by the
/// workStatus controller and per binding by the binding status controllers.
/// </summary>
public sealed class StatusWritePacing
{
    /// <summary>The interval the controller manager uses.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(500);

    private readonly TimeSpan _interval;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<ObjectKey, long> _windows = new();

    public StatusWritePacing(TimeSpan interval, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _interval = interval;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// How long the object's sync must wait: the rest of its open window (opening one if there is none), or null
    /// when its window has closed and the sync may run now.
    /// </summary>
    public TimeSpan? WaitBeforeSync(ObjectKey key)
    {
        if (_interval == TimeSpan.Zero)
        {
            return null;
        }

        var opened = _windows.GetOrAdd(key, _ => _timeProvider.GetTimestamp());
        var elapsed = _timeProvider.GetElapsedTime(opened);
        if (elapsed >= _interval)
        {
            _windows.TryRemove(KeyValuePair.Create(key, opened));
            return null;
        }

        return _interval - elapsed;
    }

    /// <summary>
    /// The rest of the object's open window, or null when none is open or it has elapsed; unlike
    /// <see cref="WaitBeforeSync"/> it never opens one. A source event inside an open window need not look at the
    /// sources at all: the reconcile at the window's end reads them then.
    /// </summary>
    public TimeSpan? OpenWindowRemaining(ObjectKey key)
    {
        if (_interval == TimeSpan.Zero || !_windows.TryGetValue(key, out var opened))
        {
            return null;
        }

        var elapsed = _timeProvider.GetElapsedTime(opened);
        return elapsed >= _interval ? null : _interval - elapsed;
    }

    /// <summary>Forgets an object that is gone or has nothing to write (its next change opens a fresh window).</summary>
    public void Forget(ObjectKey key) => _windows.TryRemove(key, out _);
}
