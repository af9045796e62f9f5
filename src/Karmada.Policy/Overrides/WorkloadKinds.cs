namespace Karmada.Policy.Overrides;

/// <summary>Where the pod spec lives in the workload kinds the image and command/args overriders understand.</summary>
internal static class WorkloadKinds
{
    /// <summary>The pointer of the pod spec for the kind (image overrider set), or null for other kinds.</summary>
    public static string? ImagePodSpecPrefix(string kind) => kind switch
    {
        "Pod" => "/spec",
        "ReplicaSet" or "Deployment" or "DaemonSet" or "StatefulSet" or "Job" => "/spec/template/spec",
        _ => null,
    };

    /// <summary>The pointer of the pod spec for the kind (command/args overrider set), or null for other kinds.</summary>
    public static string? CommandArgsPodSpecPrefix(string kind) => kind switch
    {
        "Pod" => "/spec",
        "ReplicaSet" or "Deployment" or "DaemonSet" or "Job" or "StatefulSet" => "/spec/template/spec",
        _ => null,
    };
}
