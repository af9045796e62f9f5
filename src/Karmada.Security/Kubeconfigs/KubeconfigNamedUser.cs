using YamlDotNet.Serialization;

namespace Karmada.Security.Kubeconfigs;

/// <summary>An entry of <c>users</c>.</summary>
public sealed class KubeconfigNamedUser
{
    /// <summary>The name contexts refer to.</summary>
    [YamlMember(Alias = "name", Order = 0)]
    public string Name { get; set; } = string.Empty;

    /// <summary>The credentials.</summary>
    [YamlMember(Alias = "user", Order = 1)]
    public KubeconfigUser User { get; set; } = new();
}
