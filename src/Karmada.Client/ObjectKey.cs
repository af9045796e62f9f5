namespace Karmada.Client;

/// <summary>
/// Identifies an object by namespace and name: the key controllers enqueue and informer caches index by.
/// <see cref="ToString"/> gives the client-go form <c>namespace/name</c>, or just <c>name</c> for cluster-scoped objects.
/// </summary>
public readonly record struct ObjectKey(string? Namespace, string Name)
{
    /// <summary>Parses the <c>namespace/name</c> or <c>name</c> form produced by <see cref="ToString"/>.</summary>
    public static ObjectKey Parse(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new ObjectKey(null, key) : new ObjectKey(key[..slash], key[(slash + 1)..]);
    }

    /// <inheritdoc />
    public override string ToString() => string.IsNullOrEmpty(Namespace) ? Name : $"{Namespace}/{Name}";
}
