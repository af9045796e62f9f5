using System.Text.Json.Nodes;

namespace Karmada.ApiServer.Defaulting;

/// <summary>
/// kube-apiserver's pod <c>PrepareForCreate</c> (<c>pkg/registry/core/pod/strategy.go</c>): whatever status the client
/// sent, a new pod starts <c>Pending</c> with its QoS class (<see cref="PodQos"/>), and a pod with scheduling gates
/// says so in a <c>PodScheduled=False</c> condition. Runs after defaulting, which gives containers with limits only
/// their requests.
/// </summary>
public static class PodCreateStrategy
{
    public static void PrepareForCreate(JsonObject pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var spec = pod["spec"] as JsonObject;
        var status = new JsonObject { ["phase"] = "Pending", ["qosClass"] = PodQos.Compute(spec) };
        if (spec?["schedulingGates"] is JsonArray { Count: > 0 })
        {
            status["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = "PodScheduled",
                ["status"] = "False",
                ["lastProbeTime"] = null,
                ["lastTransitionTime"] = null,
                ["reason"] = "SchedulingGated",
                ["message"] = "Scheduling is blocked due to non-empty scheduling gates",
            });
        }

        pod["status"] = status;
    }
}
