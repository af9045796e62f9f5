using Karmada.Client;

namespace Karmada.Member.Simulation;

/// <summary>The resources the simulated components read and write.</summary>
internal static class SimulatedResources
{
    public static ResourceRef Nodes { get; } = new("", "v1", "nodes", Namespaced: false);

    public static ResourceRef Pods { get; } = new("", "v1", "pods", Namespaced: true);

    public static ResourceRef Deployments { get; } = new("apps", "v1", "deployments", Namespaced: true);

    public static ResourceRef ReplicaSets { get; } = new("apps", "v1", "replicasets", Namespaced: true);

    public static ResourceRef Jobs { get; } = new("batch", "v1", "jobs", Namespaced: true);
}
