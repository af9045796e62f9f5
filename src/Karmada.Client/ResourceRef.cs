namespace Karmada.Client;

/// <summary>
/// Identifies a REST resource on a Kubernetes-compatible API server: its group, version, plural and scope.
/// Builds the standard URL forms (<c>/api/v1/...</c> for the core group, <c>/apis/{group}/{version}/...</c> otherwise).
/// </summary>
/// <param name="Group">API group; empty for the core (legacy) group.</param>
/// <param name="Version">API version, for example <c>v1</c> or <c>v1alpha2</c>.</param>
/// <param name="Plural">Lower-case plural resource name, for example <c>deployments</c>.</param>
/// <param name="Namespaced">Whether objects of this resource live in a namespace.</param>
public sealed record ResourceRef(string Group, string Version, string Plural, bool Namespaced)
{
    /// <summary>Leases of <c>coordination.k8s.io/v1</c>, used by leader election.</summary>
    public static ResourceRef Leases { get; } = new("coordination.k8s.io", "v1", "leases", Namespaced: true);

    /// <summary>Core <c>v1</c> namespaces.</summary>
    public static ResourceRef Namespaces { get; } = new(string.Empty, "v1", "namespaces", Namespaced: false);

    /// <summary>Core <c>v1</c> config maps.</summary>
    public static ResourceRef ConfigMaps { get; } = new(string.Empty, "v1", "configmaps", Namespaced: true);

    /// <summary>Core <c>v1</c> secrets.</summary>
    public static ResourceRef Secrets { get; } = new(string.Empty, "v1", "secrets", Namespaced: true);

    /// <summary>The <c>apiVersion</c> value of objects of this resource (<c>v1</c> or <c>group/version</c>).</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>
    /// Path of the collection. For a namespaced resource a null <paramref name="namespace"/> addresses all namespaces
    /// (list and watch only).
    /// </summary>
    public string CollectionPath(string? @namespace)
    {
        var root = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        if (Namespaced && !string.IsNullOrEmpty(@namespace))
        {
            return $"{root}/namespaces/{Uri.EscapeDataString(@namespace)}/{Plural}";
        }

        return $"{root}/{Plural}";
    }

    /// <summary>Path of one object, optionally of one of its subresources (<c>status</c>, <c>scale</c>).</summary>
    /// <exception cref="ArgumentException">The resource is namespaced and no namespace was given, or the name is empty.</exception>
    public string ItemPath(string? @namespace, string name, string? subresource = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (Namespaced && string.IsNullOrEmpty(@namespace))
        {
            throw new ArgumentException($"Resource {Plural} is namespaced; a namespace is required to address object '{name}'.", nameof(@namespace));
        }

        var path = $"{CollectionPath(Namespaced ? @namespace : null)}/{Uri.EscapeDataString(name)}";
        return string.IsNullOrEmpty(subresource) ? path : $"{path}/{subresource}";
    }

    /// <inheritdoc />
    public override string ToString() => Group.Length == 0 ? $"{Plural}/{Version}" : $"{Plural}.{Group}/{Version}";
}
