namespace Karmada.Client.Informers;

/// <summary>
/// Callbacks of an informer, invoked on the informer's thread after the cache reflects the change, one at a time and in
/// event order. Keep them fast and non-blocking: enqueue keys, nothing more. The objects are shared cache entries and
/// must not be mutated.
/// </summary>
public sealed class ResourceEventHandler<T>
{
    /// <summary>An object appeared (also called for every cached object when the handler is registered late).</summary>
    public Action<T>? OnAdd { get; init; }

    /// <summary>An object changed: old and new state. Also called for every surviving object after a relist.</summary>
    public Action<T, T>? OnUpdate { get; init; }

    /// <summary>An object disappeared: its last known state.</summary>
    public Action<T>? OnDelete { get; init; }
}
