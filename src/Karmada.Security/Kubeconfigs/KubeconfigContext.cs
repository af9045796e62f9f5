using YamlDotNet.Serialization;

namespace Karmada.Security.Kubeconfigs;

/// <summary>A cluster, a user and a default namespace.</summary>
public sealed class KubeconfigContext
{
    /// <summary>Name of an entry in <c>clusters</c>.</summary>
    [YamlMember(Alias = "cluster", Order = 0)]
    public string Cluster { get; set; } = string.Empty;

    /// <summary>Name of an entry in <c>users</c>; null for a context without credentials.</summary>
    [YamlMember(Alias = "user", Order = 1)]
    public string? User { get; set; }

    /// <summary>The default namespace; null means <c>default</c>.</summary>
    [YamlMember(Alias = "namespace", Order = 2)]
    public string? Namespace { get; set; }
}
