using Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Controllers.Eviction;

/// <summary>
/// Settings of the failover controllers (upstream flag names). Registered in the container to override the defaults;
/// the controllers use <see cref="Default"/> otherwise.
/// </summary>
public sealed class EvictionOptions
{
    /// <summary>The defaults.</summary>
    public static EvictionOptions Default { get; } = new();

    /// <summary><c>--graceful-eviction-timeout</c>: how long an evicted copy may stay while the new one is not healthy. Default 10 min.</summary>
    public TimeSpan GracefulEvictionTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// <c>--no-execute-taint-eviction-purge-mode</c>: the purge mode of taint evictions for bindings without
    /// <c>failover.cluster</c>: Gracefully (default) or Directly.
    /// </summary>
    public PurgeMode NoExecuteTaintEvictionPurgeMode { get; init; } = PurgeMode.Gracefully;

    /// <summary>
    /// <c>--enable-no-execute-taint-eviction</c>. Upstream defaults to false (and gates the taint manager behind the
    /// Failover feature); here the <c>taintManager</c> controller is on by default, so eviction is too: a cluster only
    /// gets NoExecute taints when someone writes a ClusterTaintPolicy or taints it by hand.
    /// </summary>
    public bool EnableNoExecuteTaintEviction { get; init; } = true;
}
