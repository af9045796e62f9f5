using Karmada.Member.Profiles;
using Karmada.Testing;
using Xunit.Abstractions;

namespace Karmada.Member.Tests;

/// <summary>
/// Pins what the member's own components write and reconcile for one Deployment, against a genuine cluster's floor
/// (ReplicaSet, pod, binding, pod status, ReplicaSet status, Deployment status), so that a regression fails.
/// </summary>
[Collection(nameof(MemberActivityCollection))]
public sealed class MemberWriteCountTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    // Pods turn ready well after the controllers' first status writes even on a loaded machine, so the sequence of
    // statuses the tests pin does not depend on scheduling (the default 100 ms can be overtaken by a slow reconcile).
    private const int PodStartupMilliseconds = 3000;

    // A 1-replica Deployment: ReplicaSet create, pod create, binding, pod Running+Ready, ReplicaSet status (replicas,
    // then ready) and Deployment status (replicas, then ready and Available): 8 writes, none of them superseded.
    [Fact]
    public async Task OneReplicaDeployment_TakesEightWritesAndNoIdleReconciles()
    {
        var (activity, trace) = await RollOutAsync(1);

        // ReplicaSet, pod and pods/binding are POSTs.
        Assert.Equal(3, activity.Requests("POST"));
        Assert.Equal(0, activity.Requests("PATCH"));
        Assert.Equal(5, activity.Requests("PUT"));
        Assert.Equal(8, activity.Writes);
        // Deployment add, ReplicaSet add, two ReplicaSet statuses; ReplicaSet add, pod add, pod ready; binding, timer. One more
        // each when a controller's own write reaches its informer before the response reaches the controller.
        Assert.InRange(activity.Reconciles("deployment-controller"), 1, 5);
        Assert.InRange(activity.Reconciles("replicaset-controller"), 1, 4);
        Assert.InRange(activity.Reconciles("kubelet"), 1, 3);

        // The observable sequence is a real cluster's: every status write is a genuine step.
        Assert.Equal(
            [
                "observedGeneration=1,replicas=1,updatedReplicas=1,readyReplicas=0,availableReplicas=0,unavailableReplicas=1 Available=False/MinimumReplicasUnavailable,Progressing=True/ReplicaSetUpdated",
                "observedGeneration=1,replicas=1,updatedReplicas=1,readyReplicas=1,availableReplicas=1,unavailableReplicas=0 Available=True/MinimumReplicasAvailable,Progressing=True/NewReplicaSetAvailable",
            ],
            trace.Statuses("deployments"));
        Assert.Equal(
            [
                "replicas=1,fullyLabeledReplicas=1,readyReplicas=0,availableReplicas=0,observedGeneration=1 ",
                "replicas=1,fullyLabeledReplicas=1,readyReplicas=1,availableReplicas=1,observedGeneration=1 ",
            ],
            trace.Statuses("replicasets"));
    }

    // Ten replicas: no status counts pods still being created, so the first ReplicaSet and Deployment statuses already
    // show all ten; the ready counts then climb as the kubelets report.
    [Fact]
    public async Task TenReplicaDeployment_WritesNoStatusSupersededByThePodsInFlight()
    {
        var (activity, trace) = await RollOutAsync(10);

        Assert.Equal(21, activity.Requests("POST"));
        Assert.Equal(0, activity.Requests("PATCH"));
        Assert.StartsWith("replicas=10,fullyLabeledReplicas=10,readyReplicas=0,", trace.Statuses("replicasets")[0], StringComparison.Ordinal);
        Assert.StartsWith("observedGeneration=1,replicas=10,updatedReplicas=10,readyReplicas=0,", trace.Statuses("deployments")[0], StringComparison.Ordinal);

        // Pod statuses (10), and at most one ReplicaSet and one Deployment status per ready pod beyond the first.
        Assert.InRange(activity.Requests("PUT"), 14, 10 + 11 + 11);
        // Per pod: binding and start timer, and one more when its own status write's event overtakes the response.
        Assert.InRange(activity.Reconciles("kubelet"), 10, 30);
    }

    private async Task<(MemberActivityRecorder Activity, ObjectEventTrace Trace)> RollOutAsync(int replicas)
    {
        var name = $"writes{replicas}";
        await using var fixture = await MemberFixture.StartAsync(new MemberProfile { PodStartupMilliseconds = PodStartupMilliseconds }, name: name);
        var activity = new MemberActivityRecorder(name);
        await using var trace = await ObjectEventTrace.StartAsync(fixture);
        activity.Reset();

        await fixture.Client.CreateAsync(MemberFixture.Deployments, MemberFixture.Deployment("web", replicas));
        await DeploymentSimulationTests.WaitForDeploymentAsync(fixture, "web", replicas);
        await Eventually.UntilAsync(() => Task.FromResult(trace.Quiet(TimeSpan.FromMilliseconds(500))), Deadline, "writes settled");
        activity.Dispose();

        output.WriteLine(activity.Summary);
        output.WriteLine(trace.Text);
        return (activity, trace);
    }
}
