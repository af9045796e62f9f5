using Karmada.Cli;
using Karmada.Controllers.Cluster;
using Karmada.Controllers.Execution;
using Karmada.Controllers.Runtime;
using Karmada.Controllers.Status;
using Karmada.Member.Profiles;
using Karmada.Testing;
using Karmada.Testing.ControlPlane;
using Microsoft.Extensions.DependencyInjection;

namespace Karmada.Controllers.Tests.Execution;

/// <summary>
/// A real in-process control plane running the cluster, cluster status, execution and workStatus controllers, and one
/// simulated member joined in Push mode, returned once the cluster is Ready and its execution namespace exists.
/// </summary>
internal sealed class PushMemberTestBed : IAsyncDisposable
{
    private PushMemberTestBed(InProcessControlPlane controlPlane, InProcessMember member)
    {
        ControlPlane = controlPlane;
        Member = member;
    }

    public InProcessControlPlane ControlPlane { get; }

    public InProcessMember Member { get; }

    /// <param name="directoryPrefix">Prefix of the control plane's temp directory.</param>
    /// <param name="clusterName">The member's cluster name; Works go to <c>karmada-es-{clusterName}</c>.</param>
    /// <param name="configure">Further controller-manager options of the test (e.g. its status write interval).</param>
    /// <param name="deadline">How long the member may take to become Ready.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static Task<PushMemberTestBed> StartAsync(string directoryPrefix, string clusterName, Action<ControllerManagerOptions>? configure, TimeSpan deadline, CancellationToken cancellationToken) =>
        StartAsync(directoryPrefix, clusterName, configure, null, deadline, cancellationToken);

    /// <param name="directoryPrefix">Prefix of the control plane's temp directory.</param>
    /// <param name="clusterName">The member's cluster name; Works go to <c>karmada-es-{clusterName}</c>.</param>
    /// <param name="configure">Further controller-manager options of the test (e.g. its status write interval).</param>
    /// <param name="memberProfile">The member's shape (pod start-up time, nodes), or null for the default one.</param>
    /// <param name="deadline">How long the member may take to become Ready.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="configureServices">Further services of the control plane (e.g. an interpreter that counts its calls).</param>
    public static async Task<PushMemberTestBed> StartAsync(string directoryPrefix, string clusterName, Action<ControllerManagerOptions>? configure, MemberProfile? memberProfile, TimeSpan deadline, CancellationToken cancellationToken, Action<IServiceCollection>? configureServices = null)
    {
        var options = new ControllerManagerOptions
        {
            Controllers = [ClusterController.Name, ClusterStatusController.Name, ExecutionController.Name, WorkStatusController.Name],
            ClusterStatusUpdateFrequency = TimeSpan.FromMilliseconds(300),
            ClusterSuccessThreshold = TimeSpan.Zero,
            ClusterApiTimeout = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(options);
        var controlPlane = await InProcessControlPlane.StartAsync(
            new InProcessControlPlaneOptions
            {
                DirectoryPrefix = directoryPrefix,
                ConfigureServices = services =>
                {
                    services.AddKarmadaControllers(options);
                    configureServices?.Invoke(services);
                },
            },
            cancellationToken);
        InProcessMember? member = null;
        try
        {
            member = await InProcessMember.StartAsync(clusterName, memberProfile, cancellationToken);
            var client = controlPlane.Client;
            await ClusterJoiner.JoinAsync(client, clusterName, member.Configuration, member.Client, cancellationToken);
            var executionSpace = Api.WellKnown.ReservedNamespaces.ExecutionSpace(clusterName);
            await Eventually.UntilAsync(
                async () =>
                {
                    var cluster = await client.GetAsync(ResourceRefs.Clusters, null, clusterName, ClusterMeta.TypeInfo, cancellationToken);
                    return WorkReconcilerHostedService.IsReady(cluster) && await client.GetOrNullAsync(Client.ResourceRef.Namespaces, null, executionSpace, cancellationToken) is not null;
                },
                deadline,
                $"{clusterName} Ready with its execution namespace",
                cancellationToken);
            return new PushMemberTestBed(controlPlane, member);
        }
        catch
        {
            await controlPlane.DisposeAsync();
            if (member is not null)
            {
                await member.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ControlPlane.DisposeAsync();
        await Member.DisposeAsync();
    }
}
