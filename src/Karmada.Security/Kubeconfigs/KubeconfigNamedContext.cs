using YamlDotNet.Serialization;

namespace Karmada.Security.Kubeconfigs;

/// <summary>An entry of <c>contexts</c>.</summary>
public sealed class KubeconfigNamedContext
{
    /// <summary>The name <c>current-context</c> and <c>--context</c> refer to.</summary>
    [YamlMember(Alias = "name", Order = 0)]
    public string Name { get; set; } = string.Empty;

    /// <summary>The cluster, user and namespace.</summary>
    [YamlMember(Alias = "context", Order = 1)]
    public KubeconfigContext Context { get; set; } = new();
}
