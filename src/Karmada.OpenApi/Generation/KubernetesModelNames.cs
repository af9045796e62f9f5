using System.Text.RegularExpressions;

namespace Karmada.OpenApi.Generation;

/// <summary>
/// Maps KubernetesClient model names (<c>V1DeploymentSpec</c>, <c>V1beta1DeviceClass</c>, <c>Corev1Event</c>) back to
/// the Go packages that upstream OpenAPI component names use (<c>io.k8s.api.apps.v1.DeploymentSpec</c>).
/// </summary>
internal static partial class KubernetesModelNames
{
    public const string MetaPackage = "io.k8s.apimachinery.pkg.apis.meta";

    /// <summary>The meta/v1 types; the models name them <c>V1…</c> without their group.</summary>
    public static readonly HashSet<string> MetaV1Types = new(StringComparer.Ordinal)
    {
        "APIGroup", "APIGroupList", "APIResource", "APIResourceList", "APIVersions", "Condition", "DeleteOptions",
        "FieldSelectorRequirement", "GroupVersionForDiscovery", "LabelSelector", "LabelSelectorRequirement", "ListMeta",
        "ManagedFieldsEntry", "ObjectMeta", "OwnerReference", "Patch", "Preconditions", "ServerAddressByClientCIDR",
        "Status", "StatusCause", "StatusDetails", "WatchEvent",
    };

    /// <summary>The Go package prefix of an API group.</summary>
    public static string PackageForGroup(string group) => group switch
    {
        "" or "core" => "io.k8s.api.core",
        "apiextensions.k8s.io" => "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions",
        "apiregistration.k8s.io" => "io.k8s.kube-aggregator.pkg.apis.apiregistration",
        "internal.apiserver.k8s.io" => "io.k8s.api.apiserverinternal",
        "metrics.k8s.io" => "io.k8s.metrics.pkg.apis.metrics",
        _ => "io.k8s.api." + group.Split('.')[0],
    };

    /// <summary>
    /// Splits a model type name into its version, its Go type name and, for names that carry their group because
    /// they collide across groups (<c>Corev1Event</c>), the package of that group.
    /// </summary>
    public static (string? Version, string ShortName, string? Package) Split(Type type)
    {
        var name = type.Name;
        var grouped = GroupPrefixRegex().Match(name);
        if (grouped.Success)
        {
            var group = grouped.Groups["group"].Value.ToLowerInvariant();
            var package = PackageForGroup(group == "core" ? string.Empty : group + ".k8s.io");
            return (grouped.Groups["version"].Value, grouped.Groups["name"].Value, package);
        }

        var versioned = VersionPrefixRegex().Match(name);
        if (versioned.Success)
        {
            return (versioned.Groups["version"].Value.ToLowerInvariant(), versioned.Groups["name"].Value, null);
        }

        return (null, name, null);
    }

    [GeneratedRegex("^(?<version>V[0-9]+(?:(?:alpha|beta)[0-9]+)?)(?<name>[A-Z].*)$")]
    private static partial Regex VersionPrefixRegex();

    [GeneratedRegex("^(?<group>[A-Z][a-z]+)(?<version>v[0-9]+(?:(?:alpha|beta)[0-9]+)?)(?<name>[A-Z].*)$")]
    private static partial Regex GroupPrefixRegex();
}
