using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Binding;

/// <summary>
/// The Work a binding wants in one cluster, before it has a Work permanent id. <see cref="ToWork"/> completes it the
/// way upstream's Work webhook does: the Work's permanent id on the manifest, and the managed label and annotation
/// keys recorded so the execution controller can remove keys the template later drops.
/// </summary>
/// <param name="Cluster">The target cluster.</param>
/// <param name="Namespace">The execution namespace <c>karmada-es-&lt;cluster&gt;</c>.</param>
/// <param name="Name">The Work name (<see cref="WorkNames.GenerateWorkName"/>).</param>
/// <param name="Labels">The Work's labels.</param>
/// <param name="Annotations">The Work's annotations.</param>
/// <param name="Manifest">The rendered, pruned manifest.</param>
/// <param name="SuspendDispatching">The Work's <c>spec.suspendDispatching</c>.</param>
/// <param name="PreserveResourcesOnDeletion">The Work's <c>spec.preserveResourcesOnDeletion</c>.</param>
public sealed record DesiredWork(
    string Cluster,
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    JsonObject Manifest,
    bool SuspendDispatching,
    bool PreserveResourcesOnDeletion)
{
    /// <summary>The annotations this controller owns on Works: absent from the desired Work means remove.</summary>
    public static IReadOnlyList<string> OwnedAnnotations { get; } =
        [WellKnownAnnotations.AppliedOverrides, WellKnownAnnotations.AppliedClusterOverrides];

    /// <summary>The complete Work with <paramref name="workPermanentId"/> as its (and its manifest's) permanent id.</summary>
    public WorkV1Alpha1.Work ToWork(string workPermanentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(workPermanentId);
        var manifest = (JsonObject)Manifest.DeepClone();
        RecordManagedAnnotations(manifest);
        ManifestMetadata.SetLabel(manifest, WellKnownLabels.WorkPermanentId, workPermanentId);
        RecordManagedLabels(manifest);

        var work = new WorkV1Alpha1.Work();
        work.Metadata.Name = Name;
        work.Metadata.Namespace = Namespace;
        work.Metadata.Labels = new Dictionary<string, string>(Labels) { [WellKnownLabels.WorkPermanentId] = workPermanentId };
        work.Metadata.Annotations = new Dictionary<string, string>(Annotations);
        work.Metadata.Finalizers = [WellKnownFinalizers.ExecutionController];
        work.Spec.Workload.Manifests = [manifest];
        work.Spec.SuspendDispatching = SuspendDispatching;
        work.Spec.PreserveResourcesOnDeletion = PreserveResourcesOnDeletion;
        return work;
    }

    // The annotation keys, itself and the managed-labels key included, sorted and comma-joined.
    private static void RecordManagedAnnotations(JsonObject manifest)
    {
        var keys = ManifestMetadata.Keys(manifest, "annotations")
            .Where(k => k is not WellKnownAnnotations.ManagedAnnotations and not WellKnownAnnotations.ManagedLabels)
            .Append(WellKnownAnnotations.ManagedAnnotations)
            .Append(WellKnownAnnotations.ManagedLabels)
            .Order(StringComparer.Ordinal);
        ManifestMetadata.SetAnnotation(manifest, WellKnownAnnotations.ManagedAnnotations, string.Join(',', keys));
    }

    private static void RecordManagedLabels(JsonObject manifest)
    {
        var keys = ManifestMetadata.Keys(manifest, "labels").Order(StringComparer.Ordinal);
        ManifestMetadata.SetAnnotation(manifest, WellKnownAnnotations.ManagedLabels, string.Join(',', keys));
    }
}
