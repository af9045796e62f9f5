using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;
using Karmada.Client;

namespace Karmada.Controllers.Namespaces;

/// <summary>
/// Which control-plane namespaces are propagated to every member (upstream <c>namespaceShouldBeSynced</c> plus the
/// skip-auto-propagation label): all but Karmada's reserved ones, <c>default</c>, <c>kube-*</c> (upstream's default
/// <c>--skipped-propagating-namespaces</c>), and those labelled <c>namespace.karmada.io/skip-auto-propagation=true</c>.
/// </summary>
public static class NamespaceSyncRules
{
    /// <summary>The namespace every cluster has already.</summary>
    public const string DefaultNamespace = "default";

    /// <summary>Prefix of Kubernetes' own namespaces (<c>kube-system</c>, <c>kube-public</c>, <c>kube-node-lease</c>).</summary>
    public const string KubernetesPrefix = "kube-";

    /// <summary>Whether a namespace of this name is ever propagated.</summary>
    public static bool ShouldBeSynced(string name) =>
        !ReservedNamespaces.IsReserved(name)
        && name != DefaultNamespace
        && !name.StartsWith(KubernetesPrefix, StringComparison.Ordinal);

    /// <summary>Whether the namespace opts out with the skip-auto-propagation label (value compared case-insensitively, as upstream).</summary>
    public static bool SkipsAutoPropagation(JsonObject ns) =>
        string.Equals(JsonObjectMeta.GetLabel(ns, WellKnownLabels.NamespaceSkipAutoPropagation), WellKnownLabelValues.True, StringComparison.OrdinalIgnoreCase);
}
