namespace Karmada.Controllers.Detector;

/// <summary>Identifies one resource template in the detector's queue (upstream's <c>ClusterWideKey</c>).</summary>
/// <param name="Resource">The resource the template belongs to.</param>
/// <param name="Namespace">Its namespace; null for cluster-scoped templates.</param>
/// <param name="Name">Its name.</param>
public sealed record TemplateKey(TemplateResource Resource, string? Namespace, string Name)
{
    /// <inheritdoc />
    public override string ToString() =>
        Namespace is null ? $"{Resource.ApiVersion}/{Resource.Kind}/{Name}" : $"{Resource.ApiVersion}/{Resource.Kind}/{Namespace}/{Name}";
}
