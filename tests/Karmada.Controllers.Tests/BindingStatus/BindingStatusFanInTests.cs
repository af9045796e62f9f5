using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Meta;
using Karmada.Client;
using Karmada.Controllers.BindingStatus;
using Karmada.Controllers.Tests.Detector;
using Karmada.Controllers.Tests.Propagation;
using Karmada.Testing;
using Karmada.Testing.ControlPlane;
using Xunit.Abstractions;
using static Karmada.Controllers.Tests.BindingStatus.BindingStatusTestObjects;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.Tests.BindingStatus;

/// <summary>
/// A Duplicated binding over many clusters whose Works all report within moments (a fan-out): the binding status
/// controller must fold the burst into a few binding and template status writes, each carrying every cluster, rather
/// than one per Work status change (n writes of n entries each, the n² the 1,000-member fan-out is sensitive to).
/// </summary>
[Trait("Category", "Integration")]
public sealed class BindingStatusFanInTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Clusters = 40;
    private const string TestAgent = "fan-in-test";
    private static readonly TimeSpan ReportGap = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly ResourceRef Deployments = new("apps", "v1", "deployments", Namespaced: true);
    private static readonly ResourceRef ResourceBindings = new("work.karmada.io", "v1alpha2", "resourcebindings", Namespaced: true);
    private static readonly ResourceRef Works = new("work.karmada.io", "v1alpha1", "works", Namespaced: true);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(3));
    private LoggedControllers _controlPlane = null!;
    private ControlPlaneWriteLog _log = null!;
    private KubeApiClient _test = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _controlPlane = await LoggedControllers.StartAsync("fan-in", [BindingStatusControllers.Name], new KubeApiClientOptions { UserAgent = TestAgent, Qps = 0 }, Ct);
        _test = _controlPlane.Test;
        _log = _controlPlane.Log;
    }

    public async Task DisposeAsync()
    {
        await _controlPlane.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task WorksReportingInOneBurst_CostAFewBindingAndTemplateStatusWrites_NotOnePerWork()
    {
        var clusters = Enumerable.Range(0, Clusters).Select(i => string.Create(CultureInfo.InvariantCulture, $"member{i:D2}")).ToArray();
        await CreateNamespaceAsync("apps");
        await Task.WhenAll(clusters.Select(c => CreateNamespaceAsync("karmada-es-" + c)));
        var deployment = await _test.CreateAsync(Deployments, DetectorTestObjects.Deployment("apps", "web", replicas: 1), cancellationToken: Ct);
        var templateGeneration = (long)deployment["metadata"]!["generation"]!;
        var permanentId = await CreateScheduledBindingAsync(deployment, clusters);

        // Works created (no status yet: creations do not sync the binding), then every member reports at once.
        var workType = KarmadaJson.GetTypeInfo<WorkV1Alpha1.Work>();
        var works = await Task.WhenAll(clusters.Select(c => _test.CreateAsync(Works, "karmada-es-" + c, NewWork(c, permanentId), workType, cancellationToken: Ct)));
        await Eventually.UntilAsync(() => Task.FromResult(_log.QuietFor(TimeSpan.FromMilliseconds(300))), Deadline, "Work creations settled", Ct);
        var before = _log.Writes.Count;

        // Spread out, as members report over a fan-out: a few milliseconds apart, each change would be synced (and the
        // binding written) on its own.
        var burst = System.Diagnostics.Stopwatch.StartNew();
        foreach (var work in works)
        {
            await _test.UpdateStatusAsync(Works, work.Metadata.Namespace, work.Metadata.Name!, Reported(work, templateGeneration), workType, cancellationToken: Ct);
            await Task.Delay(ReportGap, Ct);
        }

        output.WriteLine($"{Clusters} Work statuses written in {burst.ElapsedMilliseconds} ms");

        var binding = await _test.ReadUntilAsync(
            ResourceBindings, "apps", "web-deployment", KarmadaJson.GetTypeInfo<WorkV1Alpha2.ResourceBinding>(),
            b => b.Status.Conditions.Exists(c => c.Type == WorkV1Alpha2.BindingConditionTypes.FullyApplied && c.Status == ConditionStatus.True),
            Deadline, "FullyApplied over every cluster", Ct);
        Assert.Equal(clusters, binding.Status.AggregatedStatus.Select(i => i.ClusterName));
        await Eventually.UntilAsync(
            async () => (long?)(await _test.GetAsync(Deployments, "apps", "web", Ct))["status"]?["readyReplicas"] == Clusters,
            Deadline, "template status sums every cluster", Ct);
        await Eventually.UntilAsync(() => Task.FromResult(_log.QuietFor(TimeSpan.FromSeconds(1))), Deadline, "status writes settled", Ct);

        var writes = new ControlPlaneWriteLogSlice([.. _log.Writes.Skip(before).Where(w => w.UserAgent != TestAgent)]);
        output.WriteLine(writes.Describe(Clusters));

        // One write per pacing interval the burst spans (plus the one closing it), far below one per Work: a sync per
        // Work status change wrote the binding, each time with every cluster's entry, about once per Work.
        var bound = (int)(burst.ElapsedMilliseconds / 500) + 2;
        Assert.True(bound < Clusters / 2, $"the burst took {burst.ElapsedMilliseconds} ms: too slow to tell paced from unpaced writes");
        Assert.InRange(writes.Count("PUT resourcebindings/status") + writes.Count("PUT resourcebindings/status -> 409"), 1, bound);
        Assert.InRange(writes.Count("PUT deployments/status") + writes.Count("PUT deployments/status -> 409"), 1, bound);
        Assert.Empty(writes.Kinds.Except(["PUT resourcebindings/status", "PUT deployments/status", "PUT resourcebindings/status -> 409", "PUT deployments/status -> 409"]));
    }

    private async Task<string> CreateScheduledBindingAsync(JsonObject deployment, string[] clusters)
    {
        var typeInfo = KarmadaJson.GetTypeInfo<WorkV1Alpha2.ResourceBinding>();
        var binding = new WorkV1Alpha2.ResourceBinding { Spec = Spec(clusters) };
        binding.Metadata.Namespace = "apps";
        binding.Metadata.Name = "web-deployment";
        binding.Spec.Resource.Uid = JsonObjectMeta.GetUid(deployment);
        binding.Spec.Resource.ResourceVersion = JsonObjectMeta.GetResourceVersion(deployment);
        binding = await _test.CreateAsync(ResourceBindings, "apps", binding, typeInfo, cancellationToken: Ct);
        binding.Status.LastScheduledTime = DateTimeOffset.UtcNow;
        binding.Status.SchedulerObservedGeneration = binding.Metadata.Generation;
        binding = await _test.UpdateStatusAsync(ResourceBindings, "apps", "web-deployment", binding, typeInfo, cancellationToken: Ct);
        return binding.Metadata.Labels["resourcebinding.karmada.io/permanent-id"];
    }

    private static WorkV1Alpha1.Work NewWork(string cluster, string bindingPermanentId)
    {
        var work = new WorkV1Alpha1.Work();
        work.Metadata.Namespace = "karmada-es-" + cluster;
        work.Metadata.Name = "web-work";
        work.Metadata.Labels["resourcebinding.karmada.io/permanent-id"] = bindingPermanentId;
        work.Metadata.Annotations["resourcebinding.karmada.io/namespace"] = "apps";
        work.Metadata.Annotations["resourcebinding.karmada.io/name"] = "web-deployment";
        work.Spec.Workload.Manifests.Add(DeploymentManifest());
        return work;
    }

    // What the execution controller writes once the member object exists: Applied, with its reflected status.
    private static WorkV1Alpha1.Work Reported(WorkV1Alpha1.Work work, long templateGeneration)
    {
        work.Status.Conditions =
        [
            new Condition
            {
                Type = WorkV1Alpha1.WorkConditionTypes.Applied,
                Status = ConditionStatus.True,
                Reason = WorkV1Alpha1.WorkConditionReasons.AppliedSuccessful,
                LastTransitionTime = DateTimeOffset.UtcNow,
            },
        ];
        work.Status.ManifestStatuses =
        [
            new WorkV1Alpha1.ManifestStatus
            {
                Identifier = new WorkV1Alpha1.ResourceIdentifier { Ordinal = 0, Group = "apps", Version = "v1", Kind = "Deployment", Resource = "deployments", Namespace = "apps", Name = "web" },
                Status = DeploymentStatus(ready: 1, templateGeneration: templateGeneration),
                Health = WorkV1Alpha1.ResourceHealth.Healthy,
            },
        ];
        return work;
    }

    private async Task CreateNamespaceAsync(string name) =>
        await _test.CreateAsync(ResourceRef.Namespaces, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } }, cancellationToken: Ct);
}
