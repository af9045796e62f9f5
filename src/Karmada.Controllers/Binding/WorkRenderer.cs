using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Api.Config.V1Alpha1;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Interpreter;
using Karmada.Interpreter.Pruning;
using Karmada.Policy.Overrides;
using Karmada.Scheduler.Apportionment;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Binding;

/// <summary>
/// Turns a binding and its resource template into one Work per target cluster (upstream <c>ensureWork</c> plus the
/// manifest half of <c>CreateOrUpdateWork</c>). Per cluster, on a fresh copy of the template and in upstream's order:
/// replicas revised to the cluster's share, Job completions divided (Divided placements only), overrides applied last
/// (they have the final word), then the back-references and ownership marks, then pruning.
/// </summary>
public sealed class WorkRenderer
{
    private readonly IResourceInterpreter _interpreter;

    public WorkRenderer(IResourceInterpreter interpreter)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        _interpreter = interpreter;
    }

    /// <summary>
    /// Renders the Works of <paramref name="binding"/>. A cluster that cannot be rendered (unknown cluster, failing
    /// override or interpreter) is reported in <see cref="WorkRenderResult.Failures"/>; the other clusters still render.
    /// </summary>
    /// <param name="binding">The binding.</param>
    /// <param name="template">The resource template as the API server returned it.</param>
    /// <param name="clusters">The known Clusters by name (override rules match on them).</param>
    /// <param name="overridePolicies">The OverridePolicies (those outside the template's namespace are ignored).</param>
    /// <param name="clusterOverridePolicies">The ClusterOverridePolicies.</param>
    public WorkRenderResult Render(
        BindingView binding,
        JsonObject template,
        IReadOnlyDictionary<string, ClusterV1Alpha1.Cluster> clusters,
        IReadOnlyList<OverridePolicy> overridePolicies,
        IReadOnlyList<ClusterOverridePolicy> clusterOverridePolicies)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(overridePolicies);
        ArgumentNullException.ThrowIfNull(clusterOverridePolicies);

        var spec = binding.Spec;
        var targets = TargetClusters.Merge(spec);
        var completions = DivideJobCompletions(spec, template, targets);
        var works = new List<DesiredWork>(targets.Count);
        var failures = new List<WorkRenderFailure>();
        foreach (var target in targets)
        {
            try
            {
                if (!clusters.TryGetValue(target.Name, out var cluster))
                {
                    throw new WorkRenderException($"cluster {target.Name} not found");
                }

                works.Add(RenderOne(binding, template, target, completions, cluster, overridePolicies, clusterOverridePolicies));
            }
            catch (Exception ex) when (ex is WorkRenderException or OverrideException or InterpreterException)
            {
                failures.Add(new WorkRenderFailure(target.Name, ex.Message));
            }
        }

        return new WorkRenderResult(works, failures);
    }

    private DesiredWork RenderOne(
        BindingView binding,
        JsonObject template,
        TargetCluster target,
        IReadOnlyDictionary<string, int>? completions,
        ClusterV1Alpha1.Cluster cluster,
        IReadOnlyList<OverridePolicy> overridePolicies,
        IReadOnlyList<ClusterOverridePolicy> clusterOverridePolicies)
    {
        var spec = binding.Spec;
        var workload = (JsonObject)template.DeepClone();

        // The scheduler's share wins over the template's replicas, Divided or Duplicated, so that scaling the template
        // cannot bypass quota checks or a suspended scheduling.
        if (spec.Replicas > 0 && _interpreter.HookEnabled(GroupVersionKind.Of(workload), InterpreterOperation.ReviseReplica))
        {
            workload = _interpreter.ReviseReplica(workload, target.Replicas);
        }

        if (completions is not null && workload["spec"] is JsonObject workloadSpec)
        {
            workloadSpec["completions"] = completions.GetValueOrDefault(target.Name);
        }

        var overridden = OverridePolicyApplier.ApplyOverridePolicies(workload, cluster, overridePolicies, clusterOverridePolicies);
        workload = overridden.Object;

        var kind = ManifestMetadata.GetKind(workload);
        var name = ManifestMetadata.GetString(workload, "name") ?? "";
        var templateNamespace = ManifestMetadata.GetString(workload, "namespace");
        var workName = WorkNames.GenerateWorkName(kind, name, templateNamespace);
        var workNamespace = ReservedNamespaces.ExecutionSpace(target.Name);

        var labels = new Dictionary<string, string>();
        if (binding.PermanentId is { Length: > 0 } permanentId)
        {
            ManifestMetadata.SetLabel(workload, binding.PermanentIdLabel, permanentId);
            labels[binding.PermanentIdLabel] = permanentId;
        }

        var annotations = new Dictionary<string, string>();
        var generation = ManifestMetadata.GetGeneration(workload);
        if (generation > 0)
        {
            ManifestMetadata.SetAnnotation(workload, WellKnownAnnotations.ResourceTemplateGeneration, generation.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var (key, value) in binding.ReferenceAnnotations)
        {
            ManifestMetadata.SetAnnotation(workload, key, value);
            annotations[key] = value;
        }

        annotations[WellKnownAnnotations.ConflictResolution] = ConflictResolutionOf(workload, spec.ConflictResolution);
        if (overridden.AppliedClusterOverrides?.ToAnnotationValue() is { } appliedClusterOverrides)
        {
            annotations[WellKnownAnnotations.AppliedClusterOverrides] = appliedClusterOverrides;
        }

        if (overridden.AppliedOverrides?.ToAnnotationValue() is { } appliedOverrides)
        {
            annotations[WellKnownAnnotations.AppliedOverrides] = appliedOverrides;
        }

        // What CreateOrUpdateWork adds to the manifest: ownership, the template's uid (read before pruning drops it),
        // the Work it belongs to and the conflict resolution the execution controller enforces.
        ManifestMetadata.SetLabel(workload, WellKnownLabels.Managed, WellKnownLabelValues.True);
        ManifestMetadata.SetAnnotation(workload, WellKnownAnnotations.ResourceTemplateUid, ManifestMetadata.GetString(workload, "uid") ?? "");
        ManifestMetadata.SetAnnotation(workload, WellKnownAnnotations.WorkName, workName);
        ManifestMetadata.SetAnnotation(workload, WellKnownAnnotations.WorkNamespace, workNamespace);
        ManifestMetadata.SetAnnotation(workload, WellKnownAnnotations.ConflictResolution, annotations[WellKnownAnnotations.ConflictResolution]);
        ManifestPruner.Prune(workload);

        return new DesiredWork(
            target.Name,
            workNamespace,
            workName,
            labels,
            annotations,
            workload,
            TargetClusters.ShouldSuspendDispatching(spec.Suspension, target.Name),
            spec.PreserveResourcesOnDeletion ?? false);
    }

    /// <summary>
    /// The template's annotation when it says overwrite or abort (anything else is ignored), else the binding's
    /// conflictResolution, else abort.
    /// </summary>
    public static string ConflictResolutionOf(JsonObject template, ConflictResolution? fromBinding)
    {
        ArgumentNullException.ThrowIfNull(template);
        var fromTemplate = ManifestMetadata.GetAnnotation(template, WellKnownAnnotations.ConflictResolution);
        if (fromTemplate is ConflictResolutionAnnotationValues.Overwrite or ConflictResolutionAnnotationValues.Abort)
        {
            return fromTemplate;
        }

        return fromBinding == ConflictResolution.Overwrite ? ConflictResolutionAnnotationValues.Overwrite : ConflictResolutionAnnotationValues.Abort;
    }

    // Job completions follow the clusters' replica shares (Webster, tie-broken by the template's uid), so each cluster
    // finishes in about the same time; a Job without completions (work-queue Jobs) keeps it unset.
    private static Dictionary<string, int>? DivideJobCompletions(ResourceBindingSpec spec, JsonObject template, IReadOnlyList<TargetCluster> targets)
    {
        if (ManifestMetadata.GetKind(template) != "Job"
            || !TargetClusters.NeedReviseJobCompletions(spec)
            || template["spec"]?["completions"] is not JsonValue completionsValue
            || !completionsValue.TryGetValue<int>(out var completions))
        {
            return null;
        }

        var weights = targets.Select(t => new ClusterReplicas(t.Name, t.Replicas)).ToList();
        var divided = ReplicaDispenser.SpreadReplicasByTargetClusters(
            completions, weights, null, BindingTieBreaker.FromUid(ManifestMetadata.GetString(template, "uid")));
        return divided.ToDictionary(d => d.Name, d => d.Replicas, StringComparer.Ordinal);
    }
}
