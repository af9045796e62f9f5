namespace Karmada.Api;

/// <summary>
/// Declares the REST identity of an API kind, as the kubebuilder <c>+kubebuilder:resource</c> markers do upstream.
/// <see cref="KarmadaResources"/> reads it to build the resource table.
/// </summary>
/// <param name="group">API group, e.g. <c>policy.karmada.io</c>.</param>
/// <param name="version">API version, e.g. <c>v1alpha1</c>.</param>
/// <param name="kind">Kind, e.g. <c>PropagationPolicy</c>.</param>
/// <param name="plural">URL plural, e.g. <c>propagationpolicies</c>.</param>
/// <param name="namespaced">Whether objects live in namespaces.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class KarmadaResourceAttribute(string group, string version, string kind, string plural, bool namespaced) : Attribute
{
    /// <summary>API group.</summary>
    public string Group { get; } = group;

    /// <summary>API version.</summary>
    public string Version { get; } = version;

    /// <summary>Kind.</summary>
    public string Kind { get; } = kind;

    /// <summary>URL plural.</summary>
    public string Plural { get; } = plural;

    /// <summary>Whether objects live in namespaces.</summary>
    public bool Namespaced { get; } = namespaced;

    /// <summary>Singular name; defaults to the lower-cased kind.</summary>
    public string? Singular { get; set; }

    /// <summary>Short names usable with kubectl, e.g. <c>pp</c>.</summary>
    public string[] ShortNames { get; set; } = [];

    /// <summary>Categories the resource belongs to, e.g. <c>karmada-io</c>.</summary>
    public string[] Categories { get; set; } = [];

    /// <summary>Whether a <c>/status</c> subresource is served.</summary>
    public bool HasStatus { get; set; }
}
