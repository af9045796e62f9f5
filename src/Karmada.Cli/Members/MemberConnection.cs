using k8s;
using Karmada.Client;

namespace Karmada.Cli.Members;

/// <summary>A member cluster reached with the credentials Karmada holds for it.</summary>
public sealed class MemberConnection : IDisposable
{
    public MemberConnection(string name, KubernetesClientConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Name = name;
        Configuration = configuration;
        Client = new KubeApiClient(configuration, new KubeApiClientOptions { RequestTimeout = TimeSpan.FromSeconds(15), UserAgent = "karmadactl" });
    }

    public string Name { get; }

    public KubernetesClientConfiguration Configuration { get; }

    public KubeApiClient Client { get; }

    public void Dispose() => Client.Dispose();
}
