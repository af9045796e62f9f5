using System.Text.Json.Nodes;
using Karmada.Member.Simulation;

namespace Karmada.Member.Tests;

/// <summary>The field reads every simulated controller makes of pods and owners on every event.</summary>
public sealed class JsonReadTests
{
    private static readonly JsonObject Pod = JsonNode.Parse("""
        {
          "metadata": {
            "name": "web-1",
            "ownerReferences": [
              {"kind": "ReplicaSet", "name": "adopter", "uid": "u0"},
              {"kind": "Job", "name": "job", "uid": "u1", "controller": true},
              {"kind": "ReplicaSet", "name": "web", "uid": "u2", "controller": true}
            ]
          },
          "spec": {"replicas": 3},
          "status": {"conditions": [{"type": "PodScheduled", "status": "True"}, {"type": "Ready", "status": "False"}]}
        }
        """)!.AsObject();

    [Fact]
    public void ControllerReads_TakeTheControllingOwnerOfTheKind()
    {
        Assert.Equal("u2", JsonRead.ControllerUid(Pod, "ReplicaSet"));
        Assert.Equal("web", JsonRead.ControllerName(Pod, "ReplicaSet"));
        Assert.Equal("u1", JsonRead.ControllerUid(Pod, "Job"));
        Assert.Null(JsonRead.ControllerUid(Pod, "StatefulSet"));
        Assert.Null(JsonRead.ControllerName(new JsonObject(), "ReplicaSet"));
    }

    [Fact]
    public void ConditionStatus_ReadsTheConditionOfTheType()
    {
        Assert.Equal("True", JsonRead.ConditionStatus(Pod, "PodScheduled"));
        Assert.Equal("False", JsonRead.ConditionStatus(Pod, "Ready"));
        Assert.False(JsonRead.IsPodReady(Pod));
        Assert.Null(JsonRead.ConditionStatus(Pod, "Initialized"));
        Assert.Null(JsonRead.ConditionStatus(null, "Ready"));
    }

    [Fact]
    public void PathReads_WalkObjectsOnly()
    {
        Assert.Equal(3, JsonRead.Long(Pod, "spec", "replicas"));
        Assert.Equal("web-1", JsonRead.Str(Pod, "metadata", "name"));
        Assert.Null(JsonRead.Str(Pod, "metadata", "name", "deeper"));
        Assert.Null(JsonRead.Node(Pod, "metadata", "ownerReferences", "0"));
        Assert.Same(Pod, JsonRead.Node(Pod));
    }
}
