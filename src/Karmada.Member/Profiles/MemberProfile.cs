namespace Karmada.Member.Profiles;

/// <summary>
/// What a simulated member cluster looks like: its nodes, their capacity, labels and taints, the Kubernetes version it
/// reports and how fast its simulated kubelet works. Loaded from YAML (<see cref="MemberProfileLoader"/>); every field
/// has a default so an empty or absent profile gives a small, realistic cluster.
/// </summary>
public sealed class MemberProfile
{
    /// <summary>Number of nodes. Default 3.</summary>
    public int Nodes { get; set; } = 3;

    /// <summary>Capacity (and allocatable) of every node, as Kubernetes quantities.</summary>
    public Dictionary<string, string> Capacity { get; set; } = new(StringComparer.Ordinal)
    {
        ["cpu"] = "8",
        ["memory"] = "32Gi",
        ["pods"] = "110",
        ["ephemeral-storage"] = "100Gi",
    };

    /// <summary>Region label (<c>topology.kubernetes.io/region</c>) of every node.</summary>
    public string Region { get; set; } = "region-1";

    /// <summary>Zones (<c>topology.kubernetes.io/zone</c>); nodes are spread over them round-robin.</summary>
    public List<string> Zones { get; set; } = ["zone-a", "zone-b", "zone-c"];

    /// <summary>Extra labels of every node.</summary>
    public Dictionary<string, string> Labels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Taints of every node.</summary>
    public List<TaintProfile> Taints { get; set; } = [];

    /// <summary>The version <c>/version</c> and every node's kubeletVersion report, for example <c>v1.31.0</c>.</summary>
    public string KubernetesVersion { get; set; } = "v1.31.0";

    /// <summary>Delay between a pod being bound to a node and it becoming Running and Ready, in milliseconds. Default 100.</summary>
    public int PodStartupMilliseconds { get; set; } = 100;

    /// <summary>
    /// How long a pod that does not restart (restartPolicy Never or OnFailure: Jobs) runs before it Succeeds, in
    /// milliseconds; a pod may override it with the annotation <c>simulator.karmada.io/run-milliseconds</c>. Default 1000.
    /// </summary>
    public int JobPodRunMilliseconds { get; set; } = 1000;

    /// <summary>
    /// How long the simulated kubelet takes to stop a deleted pod before removing it, in milliseconds; a pod's own grace
    /// period (<c>deletionGracePeriodSeconds</c>) caps it. Default 1000.
    /// </summary>
    public int PodTerminationMilliseconds { get; set; } = 1000;
}
