using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Client;

namespace Karmada.Bench.Workloads.Propagation;

/// <summary>
/// The objects of one propagated application: a ConfigMap, a Deployment that reads it (env and volume), and a
/// PropagationPolicy with <c>propagateDeps: true</c> sending the Deployment (and so the ConfigMap) to its target members.
/// </summary>
public static class PropagationBenchObjects
{
    public static ResourceRef Deployments { get; } = new("apps", "v1", "deployments", Namespaced: true);

    public static ResourceRef PropagationPolicies { get; } = new("policy.karmada.io", "v1alpha1", "propagationpolicies", Namespaced: true);

    public static ResourceRef Works { get; } = new("work.karmada.io", "v1alpha1", "works", Namespaced: true);

    public static string AppName(int index) => string.Create(CultureInfo.InvariantCulture, $"app-{index}");

    public static string ConfigName(int index) => string.Create(CultureInfo.InvariantCulture, $"app-{index}-config");

    /// <summary>The target members of application <paramref name="index"/>: <paramref name="targets"/> members spread evenly, rotating with the index.</summary>
    public static IReadOnlyList<string> Targets(int index, int members, int targets)
    {
        var stride = Math.Max(1, members / targets);
        return [.. Enumerable.Range(0, targets).Select(t => string.Create(CultureInfo.InvariantCulture, $"member{((index + (t * stride)) % members) + 1}")).Distinct(StringComparer.Ordinal)];
    }

    public static JsonObject ConfigMap(string ns, int index) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = ConfigName(index), ["namespace"] = ns },
        ["data"] = new JsonObject { ["LOG_LEVEL"] = "info", ["INDEX"] = index.ToString(CultureInfo.InvariantCulture) },
    };

    public static JsonObject Deployment(string ns, int index, int replicas)
    {
        var name = AppName(index);
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = new JsonObject { ["app"] = name } },
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
                            ["image"] = "nginx:1.27",
                            ["envFrom"] = new JsonArray(new JsonObject { ["configMapRef"] = new JsonObject { ["name"] = ConfigName(index) } }),
                            ["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "config", ["mountPath"] = "/etc/app" }),
                            ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "10m", ["memory"] = "16Mi" } },
                        }),
                        ["volumes"] = new JsonArray(new JsonObject { ["name"] = "config", ["configMap"] = new JsonObject { ["name"] = ConfigName(index) } }),
                    },
                },
            },
        };
    }

    public static JsonObject Policy(string ns, int index, IReadOnlyList<string> targets) => new()
    {
        ["apiVersion"] = "policy.karmada.io/v1alpha1",
        ["kind"] = "PropagationPolicy",
        ["metadata"] = new JsonObject { ["name"] = AppName(index), ["namespace"] = ns },
        ["spec"] = new JsonObject
        {
            ["propagateDeps"] = true,
            ["resourceSelectors"] = new JsonArray(new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = AppName(index) }),
            ["placement"] = new JsonObject
            {
                ["clusterAffinity"] = new JsonObject { ["clusterNames"] = new JsonArray([.. targets.Select(t => (JsonNode)t)]) },
            },
        },
    };
}
