using System.Text.Json.Nodes;
using Karmada.ApiServer.Registry;
using Karmada.ApiServer.Resources;

namespace Karmada.Member.Tests;

/// <summary>The API server's grace period decision (kube-apiserver's BeforeDelete with the pod strategy), without a server.</summary>
public sealed class GracefulDeletionTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Theory]
    [InlineData(null, null, 30)]
    [InlineData(null, 5L, 5)]
    [InlineData(10L, 5L, 10)]
    public void BoundPod_GetsDeletionTimestampAtNowPlusGrace(long? requested, long? podGrace, long expected)
    {
        var pod = Pod("node-1", "Running", podGrace);

        var outcome = GracefulDeletion.Apply(PodsResource(), pod, requested, Now);

        Assert.Equal(GracefulDeletionOutcome.Started, outcome);
        Assert.Equal(expected, (long?)pod["metadata"]!["deletionGracePeriodSeconds"]);
        Assert.Equal(Now.AddSeconds(expected).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), (string?)pod["metadata"]!["deletionTimestamp"]);
    }

    [Theory]
    [InlineData(null, "Pending", null)]
    [InlineData("node-1", "Succeeded", null)]
    [InlineData("node-1", "Failed", null)]
    [InlineData("node-1", "Running", 0L)]
    public void UnboundFinishedOrGraceZero_IsImmediate(string? node, string phase, long? requested)
    {
        var pod = Pod(node, phase, null);

        Assert.Equal(GracefulDeletionOutcome.Immediate, GracefulDeletion.Apply(PodsResource(), pod, requested, Now));
        Assert.Null(pod["metadata"]!["deletionTimestamp"]);
    }

    [Fact]
    public void AlreadyTerminating_OnlyShortens()
    {
        var pod = Pod("node-1", "Running", null);
        GracefulDeletion.Apply(PodsResource(), pod, 30, Now);

        Assert.Equal(GracefulDeletionOutcome.Pending, GracefulDeletion.Apply(PodsResource(), pod, null, Now.AddSeconds(1)));
        Assert.Equal(GracefulDeletionOutcome.Pending, GracefulDeletion.Apply(PodsResource(), pod, 60, Now.AddSeconds(1)));
        Assert.Equal(GracefulDeletionOutcome.Started, GracefulDeletion.Apply(PodsResource(), pod, 10, Now.AddSeconds(1)));
        Assert.Equal(10, (long?)pod["metadata"]!["deletionGracePeriodSeconds"]);
        Assert.Equal("2026-01-02T03:04:15Z", (string?)pod["metadata"]!["deletionTimestamp"]);
        Assert.Equal(GracefulDeletionOutcome.Immediate, GracefulDeletion.Apply(PodsResource(), pod, 0, Now.AddSeconds(2)));
    }

    [Fact]
    public void OtherResources_AreNeverGraceful()
    {
        var configMaps = BuiltInResources.All.First(r => r.Group.Length == 0 && r.Plural == "configmaps");
        var obj = Pod("node-1", "Running", null);

        Assert.Equal(GracefulDeletionOutcome.Immediate, GracefulDeletion.Apply(configMaps, obj, null, Now));
    }

    [Fact]
    public void GraceElapsed_OnlyWithoutRemainingGrace()
    {
        var pod = Pod("node-1", "Running", null);
        Assert.True(GracefulDeletion.GraceElapsed(pod));
        GracefulDeletion.Apply(PodsResource(), pod, null, Now);
        Assert.False(GracefulDeletion.GraceElapsed(pod));
    }

    private static ResourceDefinition PodsResource() => BuiltInResources.All.First(r => r.Group.Length == 0 && r.Plural == "pods");

    private static JsonObject Pod(string? node, string phase, long? grace)
    {
        var spec = new JsonObject();
        if (node is not null)
        {
            spec["nodeName"] = node;
        }

        if (grace is { } g)
        {
            spec["terminationGracePeriodSeconds"] = g;
        }

        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "p", ["namespace"] = "default" },
            ["spec"] = spec,
            ["status"] = new JsonObject { ["phase"] = phase },
        };
    }
}
