using System.Text.Json.Nodes;

namespace Karmada.Testing.ControlPlane;

/// <summary>Workload manifests that integration tests propagate to members.</summary>
public static class TestWorkloads
{
    /// <summary>
    /// A Deployment in <c>default</c> labelled and selecting <c>app=NAME</c>, one container with resource requests (so
    /// that the scheduler and the member's simulated nodes account for it).
    /// </summary>
    public static JsonObject Deployment(string name, int replicas, string image = "nginx") => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default", ["labels"] = new JsonObject { ["app"] = name } },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
                ["spec"] = new JsonObject
                {
                    ["containers"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "app",
                        ["image"] = image,
                        ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "64Mi" } },
                    }),
                },
            },
        },
    };
}
