using System.Text.Json.Nodes;
using Karmada.Api.Meta;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.Tests.BindingStatus;

/// <summary>Works and bindings as the binding, execution and work-status controllers write them.</summary>
internal static class BindingStatusTestObjects
{
    public static WorkV1Alpha2.ObjectReference DeploymentRef(string ns = "apps", string name = "web") =>
        new() { ApiVersion = "apps/v1", Kind = "Deployment", Namespace = ns, Name = name };

    public static JsonObject DeploymentManifest(string ns = "apps", string name = "web") => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["namespace"] = ns, ["name"] = name },
    };

    /// <summary>A Work in <c>karmada-es-<paramref name="cluster"/></c>; <paramref name="applied"/> null means no Applied condition yet.</summary>
    public static WorkV1Alpha1.Work Work(
        string cluster,
        bool? applied,
        JsonObject? reflectedStatus = null,
        WorkV1Alpha1.ResourceHealth? health = null,
        string message = "")
    {
        var work = new WorkV1Alpha1.Work();
        work.Metadata.Namespace = "karmada-es-" + cluster;
        work.Metadata.Name = "web-abc";
        work.Spec.Workload.Manifests = [new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new JsonObject { ["namespace"] = "apps", ["name"] = "other" } }, DeploymentManifest()];
        if (applied is { } value)
        {
            work.Status.Conditions.Add(new Condition
            {
                Type = WorkV1Alpha1.WorkConditionTypes.Applied,
                Status = value ? ConditionStatus.True : ConditionStatus.False,
                Reason = value ? WorkV1Alpha1.WorkConditionReasons.AppliedSuccessful : WorkV1Alpha1.WorkConditionReasons.AppliedFailed,
                Message = message,
            });
        }

        if (reflectedStatus is not null || health is not null)
        {
            work.Status.ManifestStatuses.Add(new WorkV1Alpha1.ManifestStatus
            {
                Identifier = new WorkV1Alpha1.ResourceIdentifier { Ordinal = 1, Group = "apps", Version = "v1", Kind = "Deployment", Resource = "deployments", Namespace = "apps", Name = "web" },
                Status = reflectedStatus,
                Health = health,
            });
        }

        return work;
    }

    /// <summary>The reflected status of a member Deployment (upstream's wrapped form).</summary>
    public static JsonObject DeploymentStatus(long ready, long generation = 1, long observedGeneration = 1, long templateGeneration = 1) => new()
    {
        ["replicas"] = ready,
        ["readyReplicas"] = ready,
        ["updatedReplicas"] = ready,
        ["availableReplicas"] = ready,
        ["generation"] = generation,
        ["observedGeneration"] = observedGeneration,
        ["resourceTemplateGeneration"] = templateGeneration,
    };

    public static WorkV1Alpha2.ResourceBindingSpec Spec(params string[] clusters)
    {
        var spec = new WorkV1Alpha2.ResourceBindingSpec { Resource = DeploymentRef() };
        spec.Clusters.AddRange(clusters.Select(c => new WorkV1Alpha2.TargetCluster { Name = c }));
        return spec;
    }
}
