using k8s;
using Karmada.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Agent;

/// <summary>
/// A running Pull-mode agent: registered its Cluster, then keeps its Lease and status and applies its Works. Talks to
/// the control plane and to its own member only; disposing stops it (the Cluster stays, and the control plane marks it
/// Unknown once the Lease goes stale).
/// </summary>
public sealed class KarmadaAgent : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly KubeApiClient _member;

    private KarmadaAgent(IHost host, KubeApiClient member, ClusterV1Alpha1.Cluster cluster)
    {
        _host = host;
        _member = member;
        Cluster = cluster;
    }

    /// <summary>The Cluster as registered at start.</summary>
    public ClusterV1Alpha1.Cluster Cluster { get; }

    /// <summary>The agent's services (control-plane client, informers, controllers).</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Registers the cluster and starts the agent's controllers.</summary>
    /// <exception cref="InvalidOperationException">The name is taken by a Push cluster.</exception>
    public static async Task<KarmadaAgent> StartAsync(
        AgentOptions options,
        KubernetesClientConfiguration controlPlane,
        KubernetesClientConfiguration member,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(controlPlane);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options.Validate();
        var memberClient = new KubeApiClient(
            member,
            new KubeApiClientOptions { RequestTimeout = options.ClusterApiTimeout, UserAgent = "karmada-agent" },
            TimeProvider.System,
            loggerFactory.CreateLogger<KubeApiClient>());
        IHost? host = null;
        try
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
            builder.Services.AddKarmadaClient(controlPlane, c => c.UserAgent = "karmada-agent");
            builder.Services.AddKarmadaAgent(options, memberClient);
            host = builder.Build();
            var cluster = await ClusterRegistrar.EnsureAsync(
                host.Services.GetRequiredService<KubeApiClient>(), options, options.ClusterApiEndpoint ?? member.Host, cancellationToken);
            await host.StartAsync(cancellationToken);
            return new KarmadaAgent(host, memberClient, cluster);
        }
        catch
        {
            host?.Dispose();
            memberClient.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await _host.StopAsync(timeout.Token);
        }

        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }

        _member.Dispose();
    }
}
