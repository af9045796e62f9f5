namespace Karmada.Member.Simulation;

/// <summary>
/// client-go's controller expectations: after a controller creates or deletes N pods for an owner it must not act on
/// that owner again until its informer has seen those N changes (or a timeout passes), or it would act on a stale
/// cache and create or delete too many.
/// </summary>
internal sealed class ControllerExpectations(TimeProvider timeProvider)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Adds, int Deletes, DateTimeOffset Set)> _pending = new(StringComparer.Ordinal);

    public bool Satisfied(string key)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(key, out var entry))
            {
                return true;
            }

            if ((entry.Adds <= 0 && entry.Deletes <= 0) || timeProvider.GetUtcNow() - entry.Set > Timeout)
            {
                _pending.Remove(key);
                return true;
            }

            return false;
        }
    }

    public void Expect(string key, int adds, int deletes)
    {
        lock (_gate)
        {
            _pending[key] = (adds, deletes, timeProvider.GetUtcNow());
        }
    }

    public void CreationObserved(string key) => Lower(key, 1, 0);

    public void DeletionObserved(string key) => Lower(key, 0, 1);

    public void Lower(string key, int adds, int deletes)
    {
        lock (_gate)
        {
            if (_pending.TryGetValue(key, out var entry))
            {
                _pending[key] = (entry.Adds - adds, entry.Deletes - deletes, entry.Set);
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
}
