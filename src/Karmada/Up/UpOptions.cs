using Karmada.Storage;

namespace Karmada.Host.Up;

/// <summary>How <c>karmada up</c> runs: the command line's flags.</summary>
public sealed class UpOptions
{
    /// <summary>Largest <c>--members</c>: each simulated member is a whole API server with controllers in this process.</summary>
    public const int MaxMembers = 50;

    /// <summary><c>--data-dir</c>.</summary>
    public required string DataDirectory { get; init; }

    /// <summary><c>--members</c>: simulated members to start and join. Default 3.</summary>
    public int Members { get; init; } = 3;

    /// <summary>Nodes of every simulated member; null keeps each member's planned size (benchmarks set it, <c>karmada up</c> does not).</summary>
    public int? NodesPerMember { get; init; }

    /// <summary><c>--secure-port</c>: the control plane's HTTPS port. Default 6443.</summary>
    public int SecurePort { get; init; } = 6443;

    /// <summary>The control plane listens on loopback only: <c>karmada up</c> is a local, single-user control plane.</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary><c>--storage</c> and <c>--etcd-servers</c>: the control plane's storage (members always use memory).</summary>
    public StorageOptions Storage { get; init; } = new();

    /// <summary>How long to wait for the simulated members' Clusters to turn Ready before reporting which are not.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Throws <see cref="UpException"/> for flags that cannot work.</summary>
    public void Validate()
    {
        if (Members is < 0 or > MaxMembers)
        {
            throw new UpException($"--members must be between 0 and {MaxMembers}, not {Members}.");
        }

        if (SecurePort is < 1 or > 65535)
        {
            throw new UpException($"--secure-port must be a TCP port (1-65535), not {SecurePort}.");
        }

        if (Storage.Backend == StorageBackend.Etcd && string.IsNullOrWhiteSpace(Storage.EtcdServers))
        {
            throw new UpException("--storage etcd needs --etcd-servers, e.g. --etcd-servers http://127.0.0.1:2379.");
        }
    }
}
