using System.Text;
using YamlDotNet.Serialization;

namespace Karmada.Security.Kubeconfigs;

/// <summary>
/// A kubeconfig file (<c>apiVersion: v1, kind: Config</c>): the clusters, users and contexts kubectl and client
/// libraries read. Only the fields this project writes or needs are modelled; reading ignores the rest.
/// </summary>
public sealed class Kubeconfig
{
    /// <summary>Always <c>v1</c>.</summary>
    [YamlMember(Alias = "apiVersion", Order = 0)]
    public string ApiVersion { get; set; } = "v1";

    /// <summary>Always <c>Config</c>.</summary>
    [YamlMember(Alias = "kind", Order = 1)]
    public string Kind { get; set; } = "Config";

    /// <summary>The API servers, by name.</summary>
    [YamlMember(Alias = "clusters", Order = 2)]
    public List<KubeconfigNamedCluster> Clusters { get; set; } = [];

    /// <summary>Cluster, user and namespace triples, by name.</summary>
    [YamlMember(Alias = "contexts", Order = 3)]
    public List<KubeconfigNamedContext> Contexts { get; set; } = [];

    /// <summary>The context used when none is named on the command line.</summary>
    [YamlMember(Alias = "current-context", Order = 4)]
    public string? CurrentContext { get; set; }

    /// <summary>The credentials, by name.</summary>
    [YamlMember(Alias = "users", Order = 5)]
    public List<KubeconfigNamedUser> Users { get; set; } = [];

    /// <summary>Base64-encodes <paramref name="text"/> (a PEM block) for a <c>*-data</c> field.</summary>
    public static string EncodeData(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Decodes a <c>*-data</c> field back to text.</summary>
    /// <exception cref="FormatException">The value is not base64.</exception>
    public static string DecodeData(string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Encoding.UTF8.GetString(Convert.FromBase64String(data));
    }

    /// <summary>The cluster named <paramref name="name"/>, or null.</summary>
    public KubeconfigCluster? FindCluster(string name) => Clusters.FirstOrDefault(entry => entry.Name == name)?.Cluster;

    /// <summary>The context named <paramref name="name"/>, or null.</summary>
    public KubeconfigContext? FindContext(string name) => Contexts.FirstOrDefault(entry => entry.Name == name)?.Context;

    /// <summary>The user named <paramref name="name"/>, or null.</summary>
    public KubeconfigUser? FindUser(string name) => Users.FirstOrDefault(entry => entry.Name == name)?.User;
}
