using System.Text.Json.Nodes;
using Karmada.Member.Simulation;

namespace Karmada.Member.Tests;

/// <summary>The pure decisions that spare the simulated controllers reconciles and writes with nothing to do.</summary>
public sealed class WriteAvoidanceTests
{
    [Fact]
    public void PodChanges_BindingAndAddressesDoNotConcernTheReplicaSet()
    {
        var pending = Pod();
        var bound = Pod(node: "node-0");
        var running = Pod(node: "node-0", phase: "Running", ready: false);
        Assert.False(PodChanges.AffectReplicaSet(pending, bound));
        Assert.False(PodChanges.AffectReplicaSet(bound, running));
    }

    [Fact]
    public void PodChanges_ReadinessActivityLabelsOwnerAndDeletionConcernTheReplicaSet()
    {
        var running = Pod(node: "node-0", phase: "Running", ready: false);
        Assert.True(PodChanges.AffectReplicaSet(running, Pod(node: "node-0", phase: "Running", ready: true)));
        Assert.True(PodChanges.AffectReplicaSet(running, Pod(node: "node-0", phase: "Failed", ready: false)));
        Assert.True(PodChanges.AffectReplicaSet(running, Pod(node: "node-0", phase: "Running", ready: false, app: "other")));
        Assert.True(PodChanges.AffectReplicaSet(running, Pod(node: "node-0", phase: "Running", ready: false, owner: "rs-2")));
        var deleting = Pod(node: "node-0", phase: "Running", ready: false);
        deleting["metadata"]!["deletionTimestamp"] = "2026-01-01T00:00:00Z";
        Assert.True(PodChanges.AffectReplicaSet(running, deleting));
    }

    [Fact]
    public void ObservedGenerations_ReportedOnceTheStatusHasCaughtUpWithTheSpec()
    {
        JsonObject ReplicaSet(long generation, long? observed) => new()
        {
            ["metadata"] = new JsonObject { ["generation"] = generation },
            ["status"] = observed is { } o ? new JsonObject { ["observedGeneration"] = o } : new JsonObject(),
        };

        Assert.False(ObservedGenerations.Reported(ReplicaSet(1, null)));
        Assert.False(ObservedGenerations.Reported(ReplicaSet(2, 1)));
        Assert.True(ObservedGenerations.Reported(ReplicaSet(2, 2)));
        Assert.True(ObservedGenerations.AllReported([]));
        Assert.False(ObservedGenerations.AllReported([ReplicaSet(1, 1), ReplicaSet(3, 2)]));
    }

    private static JsonObject Pod(string? node = null, string? phase = null, bool ready = false, string app = "web", string owner = "rs-1")
    {
        var pod = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["labels"] = new JsonObject { ["app"] = app },
                ["ownerReferences"] = new JsonArray(new JsonObject { ["kind"] = "ReplicaSet", ["name"] = owner, ["uid"] = owner, ["controller"] = true }),
            },
            ["spec"] = new JsonObject(),
        };
        if (node is not null)
        {
            pod["spec"]!["nodeName"] = node;
        }

        if (phase is not null)
        {
            pod["status"] = new JsonObject
            {
                ["phase"] = phase,
                ["podIP"] = "10.0.0.2",
                ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready ? "True" : "False" }),
            };
        }

        return pod;
    }
}
