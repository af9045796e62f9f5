using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;
using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.Tests.Dependencies;

/// <summary>The dependency and the independent bindings that the attached-binding tests attach to it.</summary>
internal static class AttachedBindingFixtures
{
    /// <summary>A fresh copy of the ConfigMap <c>apps/cfg</c> the independent bindings depend on.</summary>
    public static JsonObject ConfigMap() => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = "cfg", ["namespace"] = "apps", ["uid"] = "cm-uid", ["resourceVersion"] = "7" },
    };

    /// <summary>An independent binding in <c>apps</c> with propagateDeps on, scheduled one replica per cluster.</summary>
    public static ResourceBinding Independent(string name, params string[] clusters)
    {
        var binding = new ResourceBinding();
        binding.Metadata.Namespace = "apps";
        binding.Metadata.Name = name;
        binding.Metadata.Labels[WellKnownLabels.ResourceBindingPermanentId] = $"{name}-id";
        binding.Spec.PropagateDeps = true;
        binding.Spec.Clusters = [.. clusters.Select(c => new TargetCluster { Name = c, Replicas = 1 })];
        return binding;
    }
}
