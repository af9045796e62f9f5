using System.Text.Json.Nodes;
using Karmada.Api.Meta;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Api.WellKnown;

namespace Karmada.Controllers.Tests.Detector;

/// <summary>Templates and policies for the detector's tests.</summary>
internal static class DetectorTestObjects
{
    public static JsonObject Deployment(string ns, string name, int replicas = 2, Dictionary<string, string>? labels = null)
    {
        var labelObject = new JsonObject();
        foreach (var (key, value) in labels ?? [])
        {
            labelObject[key] = value;
        }

        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = labelObject },
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
                    ["spec"] = new JsonObject
                    {
                        ["containers"] = new JsonArray
                        {
                            new JsonObject
                            {
                                ["name"] = "app",
                                ["image"] = "nginx",
                                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "100m" } },
                            },
                        },
                    },
                },
            },
        };
    }

    public static PropagationPolicy PropagationPolicy(
        string ns,
        string name,
        string? selectName = null,
        int? priority = null,
        PreemptionBehavior? preemption = null,
        string? id = null,
        params string[] clusters) => new()
        {
            Metadata = new ObjectMeta
            {
                Namespace = ns,
                Name = name,
                Labels = id is null ? [] : new() { [WellKnownLabels.PropagationPolicyPermanentId] = id },
            },
            Spec = Spec("apps/v1", "Deployment", selectName, priority, preemption, clusters),
        };

    public static ClusterPropagationPolicy ClusterPropagationPolicy(
        string name,
        string apiVersion = "apps/v1",
        string kind = "Deployment",
        string? selectName = null,
        int? priority = null,
        PreemptionBehavior? preemption = null,
        string? id = null,
        params string[] clusters) => new()
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Labels = id is null ? [] : new() { [WellKnownLabels.ClusterPropagationPolicyPermanentId] = id },
            },
            Spec = Spec(apiVersion, kind, selectName, priority, preemption, clusters),
        };

    public static JsonObject Claimed(JsonObject template, string? ppNamespace, string name, string id)
    {
        var copy = (JsonObject)template.DeepClone();
        var metadata = copy["metadata"]!.AsObject();
        var labels = metadata["labels"] as JsonObject ?? [];
        metadata["labels"] = labels;
        var annotations = new JsonObject();
        metadata["annotations"] = annotations;
        if (ppNamespace is null)
        {
            labels[WellKnownLabels.ClusterPropagationPolicyPermanentId] = id;
            annotations[WellKnownAnnotations.ClusterPropagationPolicyName] = name;
        }
        else
        {
            labels[WellKnownLabels.PropagationPolicyPermanentId] = id;
            annotations[WellKnownAnnotations.PropagationPolicyNamespace] = ppNamespace;
            annotations[WellKnownAnnotations.PropagationPolicyName] = name;
        }

        return copy;
    }

    public static T Deleting<T>(T policy, Func<T, ObjectMeta> meta)
    {
        meta(policy).DeletionTimestamp = DateTimeOffset.UnixEpoch;
        return policy;
    }

    private static PropagationSpec Spec(string apiVersion, string kind, string? selectName, int? priority, PreemptionBehavior? preemption, string[] clusters) => new()
    {
        ResourceSelectors = [new ResourceSelector { ApiVersion = apiVersion, Kind = kind, Name = selectName }],
        Priority = priority,
        Preemption = preemption,
        Placement = new Placement { ClusterAffinity = new ClusterAffinity { ClusterNames = [.. clusters] } },
    };
}
