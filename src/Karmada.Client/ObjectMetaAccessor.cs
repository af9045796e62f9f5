namespace Karmada.Client;

/// <summary>
/// Reads the identity and version of an object of type <typeparamref name="T"/>. Informers and typed helpers use it
/// so that typed models need not implement any interface of this library; <see cref="JsonObjectMeta.Accessor"/> serves
/// <see cref="System.Text.Json.Nodes.JsonObject"/>.
/// </summary>
public sealed class ObjectMetaAccessor<T>
{
    private readonly Func<T, string?> _getNamespace;
    private readonly Func<T, string?> _getName;
    private readonly Func<T, string?> _getResourceVersion;

    public ObjectMetaAccessor(Func<T, string?> getNamespace, Func<T, string?> getName, Func<T, string?> getResourceVersion)
    {
        ArgumentNullException.ThrowIfNull(getNamespace);
        ArgumentNullException.ThrowIfNull(getName);
        ArgumentNullException.ThrowIfNull(getResourceVersion);
        _getNamespace = getNamespace;
        _getName = getName;
        _getResourceVersion = getResourceVersion;
    }

    public string? GetNamespace(T obj) => _getNamespace(obj);

    public string? GetName(T obj) => _getName(obj);

    public string? GetResourceVersion(T obj) => _getResourceVersion(obj);

    /// <summary>The object's key; throws when the object has no name (a malformed object, never a valid server response).</summary>
    public ObjectKey GetKey(T obj)
    {
        var name = _getName(obj);
        if (string.IsNullOrEmpty(name))
        {
            throw new InvalidOperationException("The object has no metadata.name.");
        }

        var ns = _getNamespace(obj);
        return new ObjectKey(string.IsNullOrEmpty(ns) ? null : ns, name);
    }
}
