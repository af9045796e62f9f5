using k8s;
using Karmada.Client;
using Karmada.Member;
using Karmada.Member.Profiles;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Testing.ControlPlane;

/// <summary>
/// A real in-process simulated member cluster in its own temporary directory, returned once its nodes are Ready, with
/// an admin client of it. Joining it to a control plane is the test's business (Push or Pull).
/// </summary>
public sealed class InProcessMember : IAsyncDisposable
{
    private readonly TempDirectory _directory;

    private InProcessMember(TempDirectory directory, MemberCluster cluster, KubernetesClientConfiguration configuration)
    {
        _directory = directory;
        Cluster = cluster;
        Configuration = configuration;
        Client = new KubeApiClient(configuration);
    }

    public string Name => Cluster.Name;

    public MemberCluster Cluster { get; }

    /// <summary>The member's admin client configuration, as a Push join or an agent needs it.</summary>
    public KubernetesClientConfiguration Configuration { get; }

    public KubeApiClient Client { get; }

    public static Task<InProcessMember> StartAsync(string name, CancellationToken cancellationToken) => StartAsync(name, null, cancellationToken);

    /// <summary>Starts a member shaped by <paramref name="profile"/> (nodes, pod start-up time, ...), or the default one.</summary>
    public static async Task<InProcessMember> StartAsync(string name, MemberProfile? profile, CancellationToken cancellationToken)
    {
        var directory = new TempDirectory($"member-{name}");
        MemberCluster? cluster = null;
        try
        {
            cluster = await MemberCluster.StartAsync(new MemberOptions { Name = name, DataDirectory = directory.Path, Profile = profile ?? new MemberProfile() }, NullLoggerFactory.Instance, cancellationToken);
            await cluster.WaitForNodesAsync(cancellationToken);
            var configuration = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(cluster.KubeconfigPath));
            return new InProcessMember(directory, cluster, configuration);
        }
        catch
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }

            directory.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Cluster.DisposeAsync();
        _directory.Dispose();
    }
}
