using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Api.Meta;
using Karmada.Cli;
using Karmada.Client;
using Karmada.Controllers.Runtime;
using Karmada.Scheduler.Service;
using Karmada.Testing;
using Karmada.Testing.ControlPlane;
using Xunit.Abstractions;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Tests.Propagation;

/// <summary>
/// Pins the control-plane writes of propagating a workload end to end — every controller and the scheduler against a
/// real control plane, two simulated members — in the shape of upstream's CI performance scenario (issue 8): per
/// namespace one ConfigMap mounted by every Deployment, per Deployment a <c>propagateDeps</c> policy dividing its
/// replicas over the members. Counted once everything is ready and the writes have settled, so that a write or a
/// retry that creeps back in fails here rather than only showing as CPU in the benchmark.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PropagationWriteCountTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Namespace = "perf";
    private const string TestAgent = "write-count-test";
    private const int DeploymentCount = 4;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly ResourceRef Deployments = new("apps", "v1", "deployments", true);
    private static readonly ResourceRef PropagationPolicies = new("policy.karmada.io", "v1alpha1", "propagationpolicies", true);
    private static readonly string[] MemberNames = ["member1", "member2"];
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(4));
    private readonly ControlPlaneWriteLog _log = new();
    private readonly List<InProcessMember> _members = [];
    private InProcessControlPlane _controlPlane = null!;
    private KubeApiClient _test = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _controlPlane = await InProcessControlPlane.StartAsync(
            new InProcessControlPlaneOptions
            {
                DirectoryPrefix = "cp-writes",
                ConfigurePipeline = _log.Attach,
                ConfigureServices = services =>
                {
                    services.AddKarmadaControllers(new ControllerManagerOptions { ClusterStatusUpdateFrequency = TimeSpan.FromSeconds(1) });
                    services.AddKarmadaScheduler(new SchedulerServiceOptions());
                },
            },
            Ct);
        _test = new KubeApiClient(_controlPlane.Configuration, new KubeApiClientOptions { UserAgent = TestAgent });
        foreach (var name in MemberNames)
        {
            var member = await InProcessMember.StartAsync(name, Ct);
            _members.Add(member);
            await ClusterJoiner.JoinAsync(_test, name, member.Configuration, member.Client, Ct);
        }

        foreach (var name in MemberNames)
        {
            await _test.ReadUntilAsync(
                ResourceRefs.Clusters, null, name, ClusterMeta.TypeInfo,
                c => c.Status.Conditions.Exists(x => x.Type == ClusterV1Alpha1.ClusterConditionTypes.Ready && x.Status == ConditionStatus.True) && c.Status.ApiEnablements.Count > 0,
                Deadline, $"{name} Ready", Ct);
        }

        await _test.CreateAsync(ResourceRef.Namespaces, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = Namespace } }, cancellationToken: Ct);
        foreach (var member in _members)
        {
            await member.Client.CreateAsync(ResourceRef.Namespaces, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = Namespace } }, cancellationToken: Ct);
        }

        await _test.CreateAsync(ResourceRef.ConfigMaps, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = "shared", ["namespace"] = Namespace },
            ["data"] = new JsonObject { ["LOG_LEVEL"] = "info" },
        }, cancellationToken: Ct);

        // The fleet's own steady writes (cluster status heartbeats, leases) are not the workload's: counted from here.
        await Eventually.UntilAsync(() => Task.FromResult(_log.QuietFor(TimeSpan.FromMilliseconds(300))), Deadline, "joining settled", Ct);
    }

    public async Task DisposeAsync()
    {
        _test.Dispose();
        await _controlPlane.DisposeAsync();
        foreach (var member in _members)
        {
            await member.DisposeAsync();
        }

        _timeout.Dispose();
    }

    [Fact]
    public async Task PropagatedDeployments_CostTheirWritesAndNoMore()
    {
        var before = _log.Writes.Count;
        for (var i = 0; i < DeploymentCount; i++)
        {
            await _test.CreateAsync(Deployments, Deployment(Name(i)), cancellationToken: Ct);
            await _test.CreateAsync(PropagationPolicies, Policy(Name(i)), cancellationToken: Ct);
        }

        for (var i = 0; i < DeploymentCount; i++)
        {
            var name = Name(i);
            await Eventually.UntilAsync(
                async () => (long?)(await _test.GetAsync(Deployments, Namespace, name, Ct))["status"]?["readyReplicas"] == MemberNames.Length,
                Deadline,
                $"{name} ready on the control plane",
                Ct);
        }

        // Everything written in reaction (status windows are 500 ms) has landed once nothing was written for 2 s.
        await Eventually.UntilAsync(() => Task.FromResult(_log.QuietFor(TimeSpan.FromSeconds(2))), Deadline, "writes settled", Ct);
        var writes = new ControlPlaneWriteLogSlice(_log.Writes.Skip(before).Where(w => w.UserAgent != TestAgent && w.Resource != "clusters").ToList());
        output.WriteLine(writes.Describe(DeploymentCount));

        // Per Deployment and member cluster a Work, plus the shared ConfigMap's attached binding's Work per member:
        // created once (no AlreadyExists retries), its Applied condition written once by the execution controller
        // (with the member object's first status), and the rollout reported by the workStatus controller at most twice.
        const int works = (DeploymentCount + 1) * 2;
        Assert.Equal(works, writes.Count("POST works"));
        var statusConflicts = writes.Count("PATCH works/status (conditions+manifestStatuses) -> 409");
        Assert.Equal(works + statusConflicts, writes.Count("PATCH works/status (conditions+manifestStatuses)") + writes.Count("PATCH works/status (conditions)"));
        Assert.InRange(writes.Count("PATCH works/status (manifestStatuses)"), DeploymentCount, 2 * works);

        // Per Deployment: the detector's claim and binding, the scheduler's decision and event, the dependencies
        // recorded on the binding, and binding and template status once per rollout step that outlasts the 500 ms
        // status window (applied, replicas counted, ready: at most three on a loaded machine, usually one or two). The
        // ConfigMap's attached binding is created once and patched at most once per further dependent (dependents
        // attaching while a write of it is in flight share the next write, the create included).
        Assert.Equal(DeploymentCount, writes.Count("PATCH deployments"));
        Assert.Equal(DeploymentCount + 1, writes.Count("POST resourcebindings"));
        Assert.Equal(DeploymentCount, writes.Count("PATCH resourcebindings/scheduling"));
        Assert.Equal(DeploymentCount, writes.Count("POST events"));
        Assert.InRange(writes.Count("PATCH resourcebindings"), DeploymentCount, DeploymentCount + (DeploymentCount - 1));
        Assert.InRange(writes.Count("PUT resourcebindings/status"), DeploymentCount + 1, 3 * (DeploymentCount + 1));
        Assert.InRange(writes.Count("PUT deployments/status"), DeploymentCount, 3 * DeploymentCount);

        // Nothing else, and nothing refused but two writes conditional on a version another controller may move
        // first: the execution controller's status patch (on a loaded machine it may come after the workStatus
        // controller's first report; then only its condition is written again), and the binding status write, which
        // races the dependencies distributor recording the binding's dependencies on the same object (retried on the
        // fresh copy, as upstream's binding status controller retries on conflict). The cluster controller's
        // execution namespace create on each Cluster reconcile is the fleet's, not the workload's.
        var expected = new[]
        {
            "POST works", "PATCH works/status (conditions+manifestStatuses)", "PATCH works/status (conditions)", "PATCH works/status (manifestStatuses)",
            "PATCH deployments", "POST resourcebindings", "PATCH resourcebindings/scheduling", "POST events", "PATCH resourcebindings",
            "PUT resourcebindings/status", "PUT deployments/status", "PATCH works/status (conditions+manifestStatuses) -> 409", "POST namespaces -> 409",
            "PUT resourcebindings/status -> 409",
        };
        Assert.Empty(writes.Kinds.Except(expected));
        Assert.InRange(statusConflicts, 0, works / 2);
        Assert.InRange(writes.Count("PUT resourcebindings/status -> 409"), 0, DeploymentCount);
    }

    private static string Name(int i) => "web-" + i.ToString(CultureInfo.InvariantCulture);

    private static JsonObject Deployment(string name)
    {
        var deployment = TestWorkloads.Deployment(name, MemberNames.Length);
        deployment["metadata"]!["namespace"] = Namespace;
        var pod = deployment["spec"]!["template"]!["spec"]!;
        pod["containers"]![0]!["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "config", ["mountPath"] = "/config" });
        pod["volumes"] = new JsonArray(new JsonObject { ["name"] = "config", ["configMap"] = new JsonObject { ["name"] = "shared" } });
        return deployment;
    }

    private static JsonObject Policy(string name) => (JsonObject)JsonNode.Parse($$$"""
        {
          "apiVersion": "policy.karmada.io/v1alpha1",
          "kind": "PropagationPolicy",
          "metadata": {"name": "{{{name}}}", "namespace": "{{{Namespace}}}"},
          "spec": {
            "propagateDeps": true,
            "resourceSelectors": [{"apiVersion": "apps/v1", "kind": "Deployment", "name": "{{{name}}}"}],
            "placement": {"replicaScheduling": {"replicaSchedulingType": "Divided", "replicaDivisionPreference": "Weighted"}}
          }
        }
        """)!;
}
