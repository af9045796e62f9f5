using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Karmada.Api.Core;
using Karmada.Api.Meta;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Cli;
using Karmada.Client;
using Karmada.Controllers.Binding;
using Karmada.Controllers.Eviction;
using Karmada.Controllers.Runtime;
using Karmada.Member.Faults;
using Karmada.Scheduler.Service;
using Karmada.Testing;
using Karmada.Testing.ControlPlane;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.Tests.Eviction;

/// <summary>
/// Cluster failover end to end in process: a real control plane with every controller and the scheduler, two simulated
/// members joined in Push mode, a ClusterTaintPolicy that taints NotReady clusters NoExecute. Faulting a member moves a
/// Divided Deployment's replicas to the other one through a graceful eviction task; recovery removes the taint.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EvictionFailoverIntegrationTests : IAsyncLifetime
{
    private const string Namespace = "default";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly ResourceRef Deployments = new("apps", "v1", "deployments", true);
    private static readonly ResourceRef PropagationPolicies = new("policy.karmada.io", "v1alpha1", "propagationpolicies", true);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(4));
    private readonly Dictionary<string, InProcessMember> _members = [];
    private InProcessControlPlane _controlPlane = null!;
    private KubeApiClient _cp = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _controlPlane = await InProcessControlPlane.StartAsync(
            new InProcessControlPlaneOptions
            {
                DirectoryPrefix = "cp-failover",
                ConfigureServices = services =>
                {
                    services.AddKarmadaControllers(new ControllerManagerOptions
                    {
                        ClusterStatusUpdateFrequency = TimeSpan.FromMilliseconds(300),
                        ClusterSuccessThreshold = TimeSpan.Zero,
                        ClusterFailureThreshold = TimeSpan.FromMilliseconds(500),
                        ClusterApiTimeout = TimeSpan.FromSeconds(3),
                    });
                    services.AddKarmadaScheduler(new SchedulerServiceOptions());
                },
            },
            Ct);
        _cp = _controlPlane.Client;

        foreach (var name in new[] { "member1", "member2" })
        {
            var member = _members[name] = await InProcessMember.StartAsync(name, Ct);
            await ClusterJoiner.JoinAsync(_cp, name, member.Configuration, member.Client, Ct);
        }

        foreach (var name in _members.Keys)
        {
            await WaitForClusterAsync(name, c => ReadyStatus(c) == ConditionStatus.True && c.Status.ApiEnablements.Count > 0, $"{name} Ready");
        }
    }

    public async Task DisposeAsync()
    {
        await _controlPlane.DisposeAsync();
        foreach (var member in _members.Values)
        {
            await member.DisposeAsync();
        }

        _timeout.Dispose();
    }

    [Fact]
    public async Task NotReadyMember_GetsNoExecuteTaint_ReplicasMoveThroughGracefulEviction_RecoveryRemovesTaint()
    {
        // Every version of the binding the controllers see, to catch the short-lived eviction task.
        var evictionTasks = new ConcurrentQueue<WorkV1Alpha2.GracefulEvictionTask>();
        var bindings = _controlPlane.Informers
            .GetInformer(BindingResources.ResourceBindings, BindingResources.ResourceBindingType, BindingResources.ResourceBindingMeta);
        using var recording = bindings.AddEventHandler(onUpdate: (_, b) =>
        {
            foreach (var task in b.Spec.GracefulEvictionTasks)
            {
                evictionTasks.Enqueue(task);
            }
        });

        await _cp.CreateAsync(ClusterTaintPolicyController.ClusterTaintPolicies, NotReadyTaintPolicy(), cancellationToken: Ct);
        await _cp.CreateAsync(Deployments, TestWorkloads.Deployment("web", 4, "nginx:1.27"), cancellationToken: Ct);
        await _cp.CreateAsync(PropagationPolicies, DividedPolicy("web", "", "member1", "member2"), cancellationToken: Ct);

        var binding = await WaitForBindingAsync(
            b => Replicas(b, "member1") == 2 && Replicas(b, "member2") == 2 && HealthyOn(b, "member1") && HealthyOn(b, "member2"),
            "web split 2/2 and healthy on both members");
        Assert.Empty(binding.Spec.GracefulEvictionTasks);

        // member1 becomes unreachable: NotReady, then the policy's NoExecute taint next to the cluster controller's NoSchedule one.
        _members["member1"].Cluster.Faults.Set(new FaultState { Unreachable = true });
        // The two taints come from two controllers reacting to the same condition, in either order.
        var cluster = await WaitForClusterAsync(
            "member1",
            c => ReadyStatus(c) == ConditionStatus.False && HasTaint(c, TaintEffect.NoExecute) && HasTaint(c, TaintEffect.NoSchedule),
            "member1 NotReady with the NoExecute and NoSchedule taints");
        var noExecute = Assert.Single(cluster.Spec.Taints, t => t.Effect == TaintEffect.NoExecute);
        Assert.Equal(ClusterV1Alpha1.ClusterTaintKeys.NotReady, noExecute.Key);
        Assert.NotNull(noExecute.TimeAdded);
        Assert.Contains(cluster.Spec.Taints, t => t.Key == ClusterV1Alpha1.ClusterTaintKeys.NotReady && t.Effect == TaintEffect.NoSchedule);

        // The taint manager evicts; the scheduler gives member2 all replicas; the task ends once member2 is healthy.
        binding = await WaitForBindingAsync(
            b => b.Spec.Clusters.Count == 1 && Replicas(b, "member2") == 4 && b.Spec.GracefulEvictionTasks.Count == 0 && HealthyOn(b, "member2"),
            "all 4 replicas on member2, eviction task done");
        var task = Assert.Single(evictionTasks.DistinctBy(t => t.FromCluster));
        Assert.Equal(("member1", 2, WorkV1Alpha2.EvictionReasons.TaintUntolerated, WorkV1Alpha2.EvictionProducers.TaintManager, PurgeMode.Gracefully),
            (task.FromCluster, task.Replicas, task.Reason, task.Producer, task.PurgeMode));
        Assert.Contains(evictionTasks, t => t.CreationTimestamp is not null);
        Assert.Equal(4, await MemberDeploymentReplicasAsync("member2", "web"));

        // The evicted Work is on its way out (its member is unreachable, so its finalizer waits for recovery).
        await Eventually.UntilAsync(async () => await LiveWorkAsync("member1") is null, Deadline, "member1's Work deleted", Ct);

        // Recovery: Ready again, both taints gone, the old copy removed from member1; the replicas stay on member2.
        _members["member1"].Cluster.Faults.Set(FaultState.Healthy);
        await WaitForClusterAsync("member1", c => ReadyStatus(c) == ConditionStatus.True && c.Spec.Taints.Count == 0, "member1 Ready without taints");
        await Eventually.UntilAsync(async () => await MemberDeploymentReplicasAsync("member1", "web") is null, Deadline, "web removed from member1", Ct);
        binding = await _cp.GetAsync(BindingResources.ResourceBindings, Namespace, "web-deployment", BindingResources.ResourceBindingType, Ct);
        Assert.Equal("member2", Assert.Single(binding.Spec.Clusters).Name);
    }

    [Fact]
    public async Task TolerationSeconds_DelayTheEviction_CountedFromTheTaintsTimeAdded()
    {
        // When the binding was seen without member1, by the controllers' own informer.
        DateTimeOffset? evictedAt = null;
        var bindings = _controlPlane.Informers
            .GetInformer(BindingResources.ResourceBindings, BindingResources.ResourceBindingType, BindingResources.ResourceBindingMeta);
        using var recording = bindings.AddEventHandler(onUpdate: (old, b) =>
        {
            if (old.Spec.Clusters.Exists(c => c.Name == "member1") && !b.Spec.Clusters.Exists(c => c.Name == "member1"))
            {
                evictedAt ??= DateTimeOffset.UtcNow;
            }
        });

        const string tolerateNotReadyFor4s = """{"key": "cluster.karmada.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 4}""";
        await _cp.CreateAsync(ClusterTaintPolicyController.ClusterTaintPolicies, NotReadyTaintPolicy(), cancellationToken: Ct);
        await _cp.CreateAsync(Deployments, TestWorkloads.Deployment("web", 4, "nginx:1.27"), cancellationToken: Ct);
        await _cp.CreateAsync(PropagationPolicies, DividedPolicy("web", tolerateNotReadyFor4s, "member1", "member2"), cancellationToken: Ct);
        await WaitForBindingAsync(b => Replicas(b, "member1") == 2 && Replicas(b, "member2") == 2, "web split 2/2");

        _members["member1"].Cluster.Faults.Set(new FaultState { Unreachable = true });
        var cluster = await WaitForClusterAsync("member1", c => HasTaint(c, TaintEffect.NoExecute), "member1 tainted NoExecute");
        var timeAdded = Assert.Single(cluster.Spec.Taints, t => t.Effect == TaintEffect.NoExecute).TimeAdded!.Value;

        await WaitForBindingAsync(b => Replicas(b, "member2") == 4 && b.Spec.Clusters.Count == 1, "all 4 replicas on member2 once the toleration ran out");
        Assert.NotNull(evictedAt);
        Assert.True(evictedAt >= timeAdded.AddSeconds(4), $"evicted at {evictedAt:O}, before the toleration of a taint added at {timeAdded:O} ran out");
    }

    private static JsonObject NotReadyTaintPolicy() => (JsonObject)JsonNode.Parse("""
        {
          "apiVersion": "policy.karmada.io/v1alpha1",
          "kind": "ClusterTaintPolicy",
          "metadata": {"name": "detect-cluster-notready"},
          "spec": {
            "addOnConditions": [{"conditionType": "Ready", "operator": "In", "statusValues": ["False", "Unknown"]}],
            "removeOnConditions": [{"conditionType": "Ready", "operator": "In", "statusValues": ["True"]}],
            "taints": [{"key": "cluster.karmada.io/not-ready", "effect": "NoExecute"}]
          }
        }
        """)!;

    private static JsonObject DividedPolicy(string name, string clusterTolerations, params string[] clusters)
    {
        var names = string.Join(", ", clusters.Select(c => $"\"{c}\""));
        return (JsonObject)JsonNode.Parse($$"""
            {
              "apiVersion": "policy.karmada.io/v1alpha1",
              "kind": "PropagationPolicy",
              "metadata": {"name": "{{name}}", "namespace": "{{Namespace}}"},
              "spec": {
                "resourceSelectors": [{"apiVersion": "apps/v1", "kind": "Deployment", "name": "{{name}}"}],
                "placement": {
                  "clusterAffinity": {"clusterNames": [{{names}}]},
                  "clusterTolerations": [{{clusterTolerations}}],
                  "replicaScheduling": {
                    "replicaSchedulingType": "Divided",
                    "replicaDivisionPreference": "Weighted",
                    "weightPreference": {"staticWeightList": [{"targetCluster": {"clusterNames": [{{names}}]}, "weight": 1}]}
                  }
                }
              }
            }
            """)!;
    }

    private static int Replicas(WorkV1Alpha2.ResourceBinding binding, string cluster) =>
        binding.Spec.Clusters.Find(c => c.Name == cluster)?.Replicas ?? 0;

    private static bool HealthyOn(WorkV1Alpha2.ResourceBinding binding, string cluster) =>
        binding.Status.AggregatedStatus.Exists(s => s.ClusterName == cluster && s.Health == WorkV1Alpha2.ResourceHealth.Healthy);

    private static bool HasTaint(ClusterV1Alpha1.Cluster cluster, TaintEffect effect) =>
        cluster.Spec.Taints.Exists(t => t.Key == ClusterV1Alpha1.ClusterTaintKeys.NotReady && t.Effect == effect);

    private static ConditionStatus? ReadyStatus(ClusterV1Alpha1.Cluster cluster) =>
        cluster.Status.Conditions.Find(c => c.Type == ClusterV1Alpha1.ClusterConditionTypes.Ready)?.Status;

    private async Task<int?> MemberDeploymentReplicasAsync(string member, string name) =>
        (await _members[member].Client.GetOrNullAsync(Deployments, Namespace, name, Ct))?["spec"]?["replicas"]?.GetValue<int>();

    private async Task<WorkV1Alpha1.Work?> LiveWorkAsync(string cluster)
    {
        var works = await _cp.ListAsync(BindingResources.Works, $"karmada-es-{cluster}", BindingResources.WorkType, cancellationToken: Ct);
        return works.Items.FirstOrDefault(w => w.Metadata.DeletionTimestamp is null
            && w.Metadata.Annotations.GetValueOrDefault(Api.WellKnown.WellKnownAnnotations.ResourceBindingName) == "web-deployment");
    }

    private Task<ClusterV1Alpha1.Cluster> WaitForClusterAsync(string name, Func<ClusterV1Alpha1.Cluster, bool> condition, string because) =>
        _cp.ReadUntilAsync(ResourceRefs.Clusters, null, name, ClusterMeta.TypeInfo, condition, Deadline, because, Ct);

    private Task<WorkV1Alpha2.ResourceBinding> WaitForBindingAsync(Func<WorkV1Alpha2.ResourceBinding, bool> condition, string because) =>
        _cp.ReadUntilAsync(BindingResources.ResourceBindings, Namespace, "web-deployment", BindingResources.ResourceBindingType, condition, Deadline, because, Ct);
}
