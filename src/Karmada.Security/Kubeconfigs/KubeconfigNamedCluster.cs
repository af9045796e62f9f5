using YamlDotNet.Serialization;

namespace Karmada.Security.Kubeconfigs;

/// <summary>An entry of <c>clusters</c>.</summary>
public sealed class KubeconfigNamedCluster
{
    /// <summary>The name contexts refer to.</summary>
    [YamlMember(Alias = "name", Order = 0)]
    public string Name { get; set; } = string.Empty;

    /// <summary>How to reach and trust the server.</summary>
    [YamlMember(Alias = "cluster", Order = 1)]
    public KubeconfigCluster Cluster { get; set; } = new();
}
