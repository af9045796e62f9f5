using System.Text.Json.Nodes;

namespace Karmada.Bench.Workloads.ApiServer;

/// <summary>Builds the Deployments the status-write phase writes: a two-container template, like the e2e workload's.</summary>
public static class DeploymentFactory
{
    public static JsonObject Create(string @namespace, string name) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = @namespace,
            ["labels"] = new JsonObject { ["app"] = name, ["bench.karmada.io/workload"] = "apiserver" },
        },
        ["spec"] = new JsonObject
        {
            ["replicas"] = 3,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
                ["spec"] = new JsonObject
                {
                    ["containers"] = new JsonArray(
                        new JsonObject
                        {
                            ["name"] = "nginx",
                            ["image"] = "nginx:1.25",
                            ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 80, ["protocol"] = "TCP" }),
                            ["env"] = new JsonArray(new JsonObject { ["name"] = "MODE", ["value"] = "bench" }),
                            ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "250m", ["memory"] = "512Mi" } },
                        },
                        new JsonObject { ["name"] = "sidecar", ["image"] = "busybox:1.36", ["args"] = new JsonArray("sleep", "infinity") }),
                },
            },
        },
    };

    /// <summary>Sets the status a member's controllers would report, varying with <paramref name="counter"/>.</summary>
    public static void SetStatus(JsonObject deployment, int counter)
    {
        deployment["status"] = new JsonObject
        {
            ["observedGeneration"] = 1,
            ["replicas"] = 3,
            ["readyReplicas"] = counter % 4,
            ["availableReplicas"] = counter % 4,
            ["updatedReplicas"] = 3,
            ["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Available",
                ["status"] = counter % 4 == 3 ? "True" : "False",
                ["reason"] = "MinimumReplicasAvailable",
                ["lastUpdateTime"] = "2026-11-28T00:00:00Z",
            }),
        };
    }
}
