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

    public static ResourceRef StatefulSets { get; } = new("apps", "v1", "statefulsets", Namespaced: true);

    public static ResourceRef DaemonSets { get; } = new("apps", "v1", "daemonsets", Namespaced: true);

    public static ResourceRef ControllerRevisions { get; } = new("apps", "v1", "controllerrevisions", Namespaced: true);

    public static ResourceRef CronJobs { get; } = new("batch", "v1", "cronjobs", Namespaced: true);

    public static ResourceRef Services { get; } = new("", "v1", "services", Namespaced: true);

    public static ResourceRef Endpoints { get; } = new("", "v1", "endpoints", Namespaced: true);

    public static ResourceRef EndpointSlices { get; } = new("discovery.k8s.io", "v1", "endpointslices", Namespaced: true);
}
