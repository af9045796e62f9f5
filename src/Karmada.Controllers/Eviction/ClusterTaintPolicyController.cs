using System.Text.Json.Serialization.Metadata;
using Karmada.Api;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Controllers.Runtime;
using Karmada.Scheduler.Taints;
using Microsoft.Extensions.Logging;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Controllers.Eviction;

/// <summary>
/// The <c>clusterTaintPolicy</c> controller (upstream <c>cluster-taint-policy-controller</c>): keeps each Cluster's taints
/// in step with the ClusterTaintPolicies targeting it (<see cref="ClusterTaintPolicyRules"/>). Reconciles a Cluster when
/// its conditions change and when a policy targeting it is created or its spec changes; deleting a policy leaves the
/// taints it added, as upstream.
/// </summary>
public sealed partial class ClusterTaintPolicyController : IReconciler<ObjectKey>
{
    /// <summary>The controller's name in <c>--controllers</c>.</summary>
    public const string Name = "clusterTaintPolicy";

    /// <summary><c>policy.karmada.io/v1alpha1</c> ClusterTaintPolicies (cluster-scoped).</summary>
    public static ResourceRef ClusterTaintPolicies { get; } = new("policy.karmada.io", "v1alpha1", "clustertaintpolicies", Namespaced: false);

    /// <summary>The source-generated JSON contract of a ClusterTaintPolicy.</summary>
    public static JsonTypeInfo<PolicyV1Alpha1.ClusterTaintPolicy> PolicyTypeInfo { get; } = KarmadaJson.GetTypeInfo<PolicyV1Alpha1.ClusterTaintPolicy>();

    /// <summary>Identity and version of a ClusterTaintPolicy, for typed informers.</summary>
    public static ObjectMetaAccessor<PolicyV1Alpha1.ClusterTaintPolicy> PolicyAccessor { get; } =
        new(p => p.Metadata.Namespace, p => p.Metadata.Name, p => p.Metadata.ResourceVersion);

    private readonly KubeApiClient _client;
    private readonly SharedInformer<ClusterV1Alpha1.Cluster> _clusters;
    private readonly SharedInformer<PolicyV1Alpha1.ClusterTaintPolicy> _policies;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public ClusterTaintPolicyController(
        KubeApiClient client,
        SharedInformer<ClusterV1Alpha1.Cluster> clusters,
        SharedInformer<PolicyV1Alpha1.ClusterTaintPolicy> policies,
        TimeProvider timeProvider,
        ILogger<ClusterTaintPolicyController> logger)
    {
        _client = client;
        _clusters = clusters;
        _policies = policies;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var cached = _clusters.Indexer.Get(key);
        if (cached is null || cached.Metadata.DeletionTimestamp is not null)
        {
            return ReconcileResult.Done;
        }

        var taints = ClusterTaintPolicyRules.Apply(cached, _policies.Indexer.List(), _timeProvider.GetUtcNow());
        if (ClusterTaintPolicyRules.SameTaints(taints, cached.Spec.Taints))
        {
            return ReconcileResult.Done;
        }

        var cluster = cached.DeepClone();
        cluster.Spec.Taints = taints;

        // Optimistic concurrency on the cached resourceVersion: a conflict requeues with the fresh Cluster.
        await _client.UpdateAsync(ResourceRefs.Clusters, null, key.Name, cluster, ClusterMeta.TypeInfo, cancellationToken: cancellationToken);
        LogTaintsUpdated(_logger, key.Name, string.Join(",", taints.Select(TaintTolerations.Format)));
        return ReconcileResult.Done;
    }

    /// <summary>
    /// What enqueues a Cluster: its creation (and every Cluster after a restart), a change of its conditions; a
    /// policy's creation or spec change enqueues the Clusters it targets.
    /// </summary>
    public static IReadOnlyList<EventSource> EventSources(
        SharedInformer<ClusterV1Alpha1.Cluster> clusters, SharedInformer<PolicyV1Alpha1.ClusterTaintPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(policies);
        IEnumerable<ObjectKey> Targeted(PolicyV1Alpha1.ClusterTaintPolicy policy) =>
            clusters.Indexer.List().Where(c => ClusterTaintPolicyRules.Targets(policy, c)).Select(c => new ObjectKey(null, c.Metadata.Name!));
        return
        [
            EventSource.From(
                clusters,
                onAdd: c => [new ObjectKey(null, c.Metadata.Name!)],
                onUpdate: (old, c) => ConditionsChanged(old, c) ? [new ObjectKey(null, c.Metadata.Name!)] : [],
                onDelete: null),
            EventSource.From(
                policies,
                onAdd: Targeted,
                onUpdate: (old, p) => KarmadaJson.Serialize(old.Spec) == KarmadaJson.Serialize(p.Spec) ? [] : Targeted(p),
                onDelete: null),
        ];
    }

    /// <summary>Whether the conditions differ in type, status, reason or message (upstream compares them whole).</summary>
    public static bool ConditionsChanged(ClusterV1Alpha1.Cluster old, ClusterV1Alpha1.Cluster current)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(current);
        return KarmadaJson.Serialize(old.Status.Conditions) != KarmadaJson.Serialize(current.Status.Conditions);
    }

    // Event ids 4300-4319: cluster taint policy controller. Next free id: 4301.
    [LoggerMessage(4300, LogLevel.Information, "Updated taints of cluster {Cluster} from ClusterTaintPolicies: [{Taints}]")]
    private static partial void LogTaintsUpdated(ILogger logger, string cluster, string taints);
}
