using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Controllers.Detector;

namespace Karmada.Bench.Workloads.E2E;

/// <summary>
/// The objects of upstream's CI performance scenario (<c>hack/performance/clusterloader2-*.yaml</c>): per namespace
/// one ConfigMap mounted by every Deployment, and per Deployment a PropagationPolicy selecting it by name with
/// <c>propagateDeps: true</c> and <c>Divided</c>/<c>Weighted</c> replica scheduling with no weight preference and no
/// cluster affinity, which the scheduler treats as equal static weights over every member.
/// </summary>
public static class E2EBenchObjects
{
    public const string ConfigMapName = "test-configmap";

    public static string Namespace(int index) => string.Create(CultureInfo.InvariantCulture, $"e2e-{index + 1}");

    public static string DeploymentName(int index) => string.Create(CultureInfo.InvariantCulture, $"test-deployment-{index}");

    /// <summary>The ResourceBinding the detector creates for the template.</summary>
    public static string BindingName(int index) => BindingNames.GenerateBindingName("Deployment", DeploymentName(index));

    public static JsonObject ConfigMap(string ns) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = ConfigMapName, ["namespace"] = ns },
        ["data"] = new JsonObject { ["LOG_LEVEL"] = "info" },
    };

    public static JsonObject Deployment(string ns, int index, int replicas)
    {
        var name = DeploymentName(index);
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = new JsonObject { ["group"] = "test-deployment" } },
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
                            ["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "configmap", ["mountPath"] = "/configmap" }),
                            ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "10m", ["memory"] = "16Mi" } },
                        }),
                        ["volumes"] = new JsonArray(new JsonObject { ["name"] = "configmap", ["configMap"] = new JsonObject { ["name"] = ConfigMapName } }),
                    },
                },
            },
        };
    }

    public static JsonObject Policy(string ns, int index) => new()
    {
        ["apiVersion"] = "policy.karmada.io/v1alpha1",
        ["kind"] = "PropagationPolicy",
        ["metadata"] = new JsonObject { ["name"] = DeploymentName(index), ["namespace"] = ns },
        ["spec"] = new JsonObject
        {
            ["propagateDeps"] = true,
            ["resourceSelectors"] = new JsonArray(new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = DeploymentName(index) }),
            ["placement"] = new JsonObject
            {
                ["replicaScheduling"] = new JsonObject { ["replicaSchedulingType"] = "Divided", ["replicaDivisionPreference"] = "Weighted" },
            },
        },
    };
}
