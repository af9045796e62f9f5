using Karmada.Api.Work.V1Alpha2;

namespace Karmada.Scheduler.Framework.Plugins;

/// <summary>Upstream's <c>ResourceBindingSpec</c> helpers the plugins use.</summary>
internal static class BindingSpecExtensions
{
    /// <summary>Whether the cluster is already in <c>spec.clusters</c>.</summary>
    public static bool TargetContains(this ResourceBindingSpec spec, string? name)
    {
        foreach (var target in spec.Clusters)
        {
            if (target.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Replicas, replica requirements or components make a binding a workload.</summary>
    public static bool IsWorkload(this ResourceBindingSpec spec) =>
        spec.Replicas > 0 || spec.ReplicaRequirements is not null || spec.Components.Count > 0;
}
