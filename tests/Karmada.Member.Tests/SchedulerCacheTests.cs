using System.Text.Json.Nodes;
using Karmada.Member.Simulation;

namespace Karmada.Member.Tests;

/// <summary>The scheduler's incremental per-node usage, without a server.</summary>
public sealed class SchedulerCacheTests
{
    [Fact]
    public void BoundPods_AddUpPerNode_UntilTheyFinishOrGo()
    {
        var cache = new SchedulerCache();
        var a = Pod("a", "n1", cpu: "500m", memory: "1Gi");
        var b = Pod("b", "n1", cpu: "250m", memory: null);
        cache.Observe(a);
        cache.Observe(b);
        cache.Observe(Pod("c", "n2", cpu: null, memory: null));
        cache.Observe(Pod("pending", node: null, cpu: "4", memory: null));

        var (used, pods) = cache.Usage("n1");
        Assert.Equal(2, pods);
        Assert.Equal(750, used["cpu"]);
        Assert.Equal(1024L * 1024 * 1024 * 1000, used["memory"]);

        // Pods without requests still weigh on the score with kube-scheduler's defaults.
        var (unrequested, count) = cache.Usage("n2");
        Assert.Equal(1, count);
        Assert.Equal(SchedulerCache.DefaultMilliCpu, unrequested[SchedulerCache.ScoreCpu]);
        Assert.False(unrequested.ContainsKey("cpu"));

        // A status update of a bound pod changes nothing; a finished pod frees its node; a deleted one too.
        a["status"] = new JsonObject { ["phase"] = "Running" };
        cache.Observe(a);
        Assert.Equal(750, cache.Usage("n1").Used["cpu"]);
        b["status"] = new JsonObject { ["phase"] = "Succeeded" };
        cache.Observe(b);
        Assert.Equal(500, cache.Usage("n1").Used["cpu"]);
        cache.Forget(a);
        Assert.Equal(0, cache.Usage("n1").Pods);
        Assert.False(cache.Knows("a"));
    }

    [Fact]
    public void AssumedPod_CountsUntilItsBindingIsSeen_AndIsNeverCountedTwice()
    {
        var cache = new SchedulerCache();
        var pod = Pod("p", node: null, cpu: "1", memory: null);
        cache.Observe(pod);
        Assert.False(cache.Knows("p"));

        cache.Assume("p", "n1", new Dictionary<string, long> { ["cpu"] = 1000 });
        Assert.True(cache.Knows("p"));

        // The informer still shows the pod unbound (the binding is in flight): it stays counted.
        cache.Observe(pod);
        Assert.Equal(1000, cache.Usage("n1").Used["cpu"]);

        pod["spec"]!["nodeName"] = "n1";
        cache.Observe(pod);
        cache.Assume("p", "n1", new Dictionary<string, long> { ["cpu"] = 1000 });
        var (used, pods) = cache.Usage("n1");
        Assert.Equal(1, pods);
        Assert.Equal(1000, used["cpu"]);

        // Once bound (no longer assumed), an unbound view of it would be stale news of a non-pending pod: it goes.
        pod["spec"]!.AsObject().Remove("nodeName");
        cache.Observe(pod);
        Assert.Equal(0, cache.Usage("n1").Pods);
    }

    [Fact]
    public void PodMovedToAnotherNode_LeavesTheFirst()
    {
        var cache = new SchedulerCache();
        var pod = Pod("p", "n1", cpu: "1", memory: null);
        cache.Observe(pod);
        pod["spec"]!["nodeName"] = "n2";
        cache.Observe(pod);
        Assert.Equal(0, cache.Usage("n1").Pods);
        Assert.Equal(1000, cache.Usage("n2").Used["cpu"]);
    }

    [Fact]
    public void Allocatable_IsReparsedWhenTheNodeChanges()
    {
        var cache = new SchedulerCache();
        var node = Node("n1", "1", cpu: "4");
        Assert.Equal(4000, cache.Allocatable(node)["cpu"]);
        Assert.Equal(4000, cache.Allocatable(Node("n1", "1", cpu: "4"))["cpu"]);
        Assert.Equal(2000, cache.Allocatable(Node("n1", "2", cpu: "2"))["cpu"]);
    }

    private static JsonObject Pod(string uid, string? node, string? cpu, string? memory)
    {
        var requests = new JsonObject();
        if (cpu is not null)
        {
            requests["cpu"] = cpu;
        }

        if (memory is not null)
        {
            requests["memory"] = memory;
        }

        var spec = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["resources"] = new JsonObject { ["requests"] = requests } }),
        };
        if (node is not null)
        {
            spec["nodeName"] = node;
        }

        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = uid, ["namespace"] = "default", ["uid"] = uid },
            ["spec"] = spec,
        };
    }

    private static JsonObject Node(string name, string resourceVersion, string cpu) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name, ["resourceVersion"] = resourceVersion },
        ["status"] = new JsonObject { ["allocatable"] = new JsonObject { ["cpu"] = cpu, ["pods"] = "110" } },
    };
}
