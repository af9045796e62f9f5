using Karmada.Client;
using Karmada.Client.Informers;

namespace Karmada.Controllers.Runtime;

/// <summary>
/// One informer feeding a controller's queue through mapping functions (controller-runtime's
/// <c>Watches(..., EnqueueRequestsFromMapFunc, predicates)</c>): each event yields the keys to reconcile, possibly
/// none (a predicate said no) or keys of other objects (a Work maps to its binding).
/// </summary>
public sealed class EventSource
{
    private readonly Func<Action<ObjectKey>, IDisposable> _register;

    private EventSource(ISharedInformer informer, Func<Action<ObjectKey>, IDisposable> register)
    {
        Informer = informer;
        _register = register;
    }

    /// <summary>The informer the controller waits for before its workers start.</summary>
    public ISharedInformer Informer { get; }

    /// <summary>
    /// A source over <paramref name="informer"/>. A null mapping ignores that kind of event; an update maps
    /// (old, new) so predicates can compare.
    /// </summary>
    public static EventSource From<T>(
        SharedInformer<T> informer,
        Func<T, IEnumerable<ObjectKey>>? onAdd,
        Func<T, T, IEnumerable<ObjectKey>>? onUpdate,
        Func<T, IEnumerable<ObjectKey>>? onDelete)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(informer);
        return new EventSource(informer, enqueue => informer.AddEventHandler(
            onAdd: onAdd is null ? null : obj => EnqueueAll(enqueue, onAdd(obj)),
            onUpdate: onUpdate is null ? null : (old, obj) => EnqueueAll(enqueue, onUpdate(old, obj)),
            onDelete: onDelete is null ? null : obj => EnqueueAll(enqueue, onDelete(obj))));
    }

    /// <summary>Registers the handlers; disposing the result removes them.</summary>
    public IDisposable Register(Action<ObjectKey> enqueue) => _register(enqueue);

    private static void EnqueueAll(Action<ObjectKey> enqueue, IEnumerable<ObjectKey> keys)
    {
        foreach (var key in keys)
        {
            enqueue(key);
        }
    }
}
