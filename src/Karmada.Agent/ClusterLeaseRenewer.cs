using Karmada.Api.WellKnown;
using Karmada.Client;
using Karmada.Controllers.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Karmada.Agent;

/// <summary>
/// Keeps the cluster's Lease renewed every <see cref="AgentOptions.LeaseRenewInterval"/> (upstream's lease controller in
/// the agent's cluster status controller): creates it when missing, bumps <c>renewTime</c> otherwise. A failed round is
/// logged and retried at the next tick; the control plane only notices after the grace period.
/// </summary>
public sealed partial class ClusterLeaseRenewer : BackgroundService
{
    private readonly KubeApiClient _controlPlane;
    private readonly AgentOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public ClusterLeaseRenewer(KubeApiClient controlPlane, AgentOptions options, TimeProvider timeProvider, ILogger<ClusterLeaseRenewer> logger)
    {
        _controlPlane = controlPlane;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>One renewal: creates or renews the Lease.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        var name = _options.ClusterName;
        var now = _timeProvider.GetUtcNow();
        try
        {
            var lease = await _controlPlane.GetAsync(ResourceRef.Leases, ReservedNamespaces.KarmadaCluster, name, cancellationToken);
            await _controlPlane.UpdateAsync(ResourceRef.Leases, ClusterLease.Renew(lease, name, _options.ClusterLeaseDuration, now), cancellationToken: cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            var cluster = await _controlPlane.GetAsync(ResourceRefs.Clusters, null, name, ClusterMeta.TypeInfo, cancellationToken);
            await _controlPlane.CreateAsync(ResourceRef.Leases, ClusterLease.Create(name, cluster.Metadata.Uid, _options.ClusterLeaseDuration, now), cancellationToken: cancellationToken);
            LogLeaseCreated(_logger, name);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.LeaseRenewInterval, _timeProvider);
        do
        {
            try
            {
                await RenewAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is ApiException or HttpRequestException or IOException or TimeoutException or OperationCanceledException)
            {
                LogRenewFailed(_logger, _options.ClusterName, ex.Message);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    // Event ids 6000-6049: agent lease. Next free id: 6002.
    [LoggerMessage(6000, LogLevel.Information, "Created Lease karmada-cluster/{Cluster}")]
    private static partial void LogLeaseCreated(ILogger logger, string cluster);

    [LoggerMessage(6001, LogLevel.Warning, "Renewing Lease karmada-cluster/{Cluster} failed: {Error}")]
    private static partial void LogRenewFailed(ILogger logger, string cluster, string error);
}
