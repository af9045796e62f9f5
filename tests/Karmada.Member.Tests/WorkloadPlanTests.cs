using System.Text.Json.Nodes;
using Karmada.Member.Simulation;

namespace Karmada.Member.Tests;

/// <summary>The pure StatefulSet and DaemonSet decisions, without a server.</summary>
public sealed class WorkloadPlanTests
{
    [Fact]
    public void StatefulSet_OrderedReady_CreatesOnlyTheFirstMissingOrdinalAfterReadyOnes()
    {
        var pods = new Dictionary<int, JsonObject> { [0] = Pod("web-0", "r1", ready: true) };
        var actions = StatefulSetPlan.Decide(new StatefulSetShape(3, Parallel: false, RollingUpdate: true, Partition: 0), pods, "r1", "r1");
        Assert.Equal([(1, "r1")], actions.Select(a => (a.Ordinal, a.CreateRevision)));

        pods[1] = Pod("web-1", "r1", ready: false);
        Assert.Empty(StatefulSetPlan.Decide(new StatefulSetShape(3, false, true, 0), pods, "r1", "r1"));
        Assert.Equal([2], StatefulSetPlan.Decide(new StatefulSetShape(3, Parallel: true, true, 0), pods, "r1", "r1").Select(a => a.Ordinal));
    }

    [Fact]
    public void StatefulSet_RollsFromTheHighestOrdinalDownToThePartition_AndScalesDownFromTheTop()
    {
        var pods = Enumerable.Range(0, 3).ToDictionary(i => i, i => Pod($"web-{i}", "old", ready: true));
        var roll = StatefulSetPlan.Decide(new StatefulSetShape(3, false, true, 0), pods, "old", "new");
        Assert.Equal(2, roll.Single().Ordinal);
        Assert.NotNull(roll.Single().Delete);

        pods[2] = Pod("web-2", "new", ready: true);
        pods[1] = Pod("web-1", "new", ready: true);
        Assert.Empty(StatefulSetPlan.Decide(new StatefulSetShape(3, false, true, Partition: 1), pods, "old", "new"));
        Assert.Empty(StatefulSetPlan.Decide(new StatefulSetShape(3, false, RollingUpdate: false, 0), pods, "old", "new"));

        var down = StatefulSetPlan.Decide(new StatefulSetShape(1, false, true, 0), pods, "old", "new");
        Assert.Equal(2, down.Single().Ordinal);
        Assert.Equal([2, 1], StatefulSetPlan.Decide(new StatefulSetShape(1, true, true, 0), pods, "old", "new").Select(a => a.Ordinal));
    }

    [Fact]
    public void DaemonSet_ToleratesNodeConditionTaints_ButNotUserTaints()
    {
        var set = new JsonObject { ["spec"] = new JsonObject { ["template"] = new JsonObject { ["spec"] = new JsonObject() } } };
        var pod = DaemonSetPlan.TemplatePod(set);
        Assert.True(DaemonSetPlan.ShouldRun(pod, Node("a", ("node.kubernetes.io/not-ready", "NoExecute"))));
        Assert.True(DaemonSetPlan.ShouldRun(pod, Node("b", ("node.kubernetes.io/unschedulable", "NoSchedule"))));
        Assert.False(DaemonSetPlan.ShouldRun(pod, Node("c", ("dedicated", "NoSchedule"))));
        Assert.True(DaemonSetPlan.ShouldRun(pod, Node("d", ("dedicated", "PreferNoSchedule"))));
    }

    [Fact]
    public void DaemonSet_Decide_CreatesOnMissingNodes_DeletesMisplacedAndRollsWithinMaxUnavailable()
    {
        var nodes = new HashSet<string>(StringComparer.Ordinal) { "n1", "n2", "n3" };
        var pods = new[] { OnNode("p1", "n1", "old"), OnNode("p2", "n2", "old"), OnNode("gone", "n9", "new") };
        var first = DaemonSetPlan.Decide(["n1", "n2", "n3"], nodes, pods, "new", maxUnavailable: 1);
        Assert.Equal(["n3"], first.CreateOn);
        Assert.Equal(["gone"], first.Delete.Select(p => (string?)p["metadata"]!["name"]));

        var full = new[] { OnNode("p1", "n1", "old"), OnNode("p2", "n2", "old"), OnNode("p3", "n3", "new") };
        var roll = DaemonSetPlan.Decide(["n1", "n2", "n3"], nodes, full, "new", maxUnavailable: 1);
        Assert.Empty(roll.CreateOn);
        Assert.Single(roll.Delete);
        Assert.Empty(DaemonSetPlan.Decide(["n1", "n2", "n3"], nodes, full, "new", maxUnavailable: null).Delete);
    }

    private static JsonObject Pod(string name, string revision, bool ready) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["controller-revision-hash"] = revision } },
        ["status"] = new JsonObject
        {
            ["phase"] = "Running",
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready ? "True" : "False" }),
        },
    };

    private static JsonObject OnNode(string name, string node, string hash)
    {
        var pod = Pod(name, hash, ready: true);
        pod["spec"] = new JsonObject { ["nodeName"] = node };
        return pod;
    }

    private static JsonObject Node(string name, (string Key, string Effect) taint) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["taints"] = new JsonArray(new JsonObject { ["key"] = taint.Key, ["effect"] = taint.Effect }) },
    };
}
