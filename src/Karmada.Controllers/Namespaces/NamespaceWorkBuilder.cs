using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;
using Karmada.Client;
using Karmada.Controllers.Binding;
using Karmada.Interpreter.Pruning;
using Karmada.Policy.Overrides;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;
using MetaOwnerReference = Karmada.Api.Meta.OwnerReference;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Namespaces;

/// <summary>
/// The Work that creates a control-plane namespace in one member (upstream <c>buildWorks</c>): named as any Work of a
/// cluster-scoped Namespace, in the cluster's execution namespace, owned by the Namespace (so garbage collection
/// removes it with the namespace), with the ClusterOverridePolicies applied (namespaces care about no other policy)
/// and recorded in <c>policy.karmada.io/applied-cluster-overrides</c>.
/// </summary>
public static class NamespaceWorkBuilder
{
    /// <summary>The Work for <paramref name="ns"/> in <paramref name="cluster"/>; <paramref name="workPermanentId"/> is the existing Work's, or a new one.</summary>
    /// <exception cref="OverrideException">A ClusterOverridePolicy cannot be applied to the namespace.</exception>
    public static WorkV1Alpha1.Work Build(
        JsonObject ns,
        ClusterV1Alpha1.Cluster cluster,
        IEnumerable<PolicyV1Alpha1.ClusterOverridePolicy> clusterOverridePolicies,
        string workPermanentId)
    {
        ArgumentNullException.ThrowIfNull(ns);
        ArgumentNullException.ThrowIfNull(cluster);
        var name = JsonObjectMeta.GetName(ns) ?? throw new ArgumentException("The namespace has no name.", nameof(ns));
        var uid = JsonObjectMeta.GetUid(ns) ?? "";
        var workName = WorkName(name);
        var workNamespace = ReservedNamespaces.ExecutionSpace(cluster.Metadata.Name!);

        var manifest = (JsonObject)ns.DeepClone();
        manifest["apiVersion"] = "v1";
        manifest["kind"] = "Namespace";
        var overridden = OverridePolicyApplier.ApplyOverridePolicies(manifest, cluster, [], clusterOverridePolicies);
        manifest = overridden.Object;
        ManifestMetadata.SetLabel(manifest, WellKnownLabels.Managed, WellKnownLabelValues.True);
        ManifestMetadata.SetAnnotation(manifest, WellKnownAnnotations.ResourceTemplateUid, uid);
        ManifestMetadata.SetAnnotation(manifest, WellKnownAnnotations.WorkName, workName);
        ManifestMetadata.SetAnnotation(manifest, WellKnownAnnotations.WorkNamespace, workNamespace);

        // Server-generated fields and the status would make the member's create fail or fight its own controllers.
        ManifestPruner.Prune(manifest);

        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (overridden.AppliedClusterOverrides?.ToAnnotationValue() is { } applied)
        {
            annotations[WellKnownAnnotations.AppliedClusterOverrides] = applied;
        }

        var work = new DesiredWork(
            cluster.Metadata.Name!,
            workNamespace,
            workName,
            new Dictionary<string, string>(StringComparer.Ordinal),
            annotations,
            manifest,
            SuspendDispatching: false,
            PreserveResourcesOnDeletion: false).ToWork(workPermanentId);
        work.Spec.SuspendDispatching = null;
        work.Spec.PreserveResourcesOnDeletion = null;
        work.Metadata.OwnerReferences =
        [
            new MetaOwnerReference
            {
                ApiVersion = "v1",
                Kind = "Namespace",
                Name = name,
                Uid = uid,
                Controller = true,
                BlockOwnerDeletion = true,
            },
        ];
        return work;
    }

    /// <summary>The Work name of a namespace, the same in every execution namespace.</summary>
    public static string WorkName(string namespaceName) => WorkNames.GenerateWorkName("Namespace", namespaceName, null);
}
