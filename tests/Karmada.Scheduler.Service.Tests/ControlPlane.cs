using Karmada.Api.Cluster.V1Alpha1;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;
using Karmada.Client.LeaderElection;
using Karmada.Testing.ControlPlane;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Scheduler.Service.Tests;

/// <summary>A real in-process control plane (memory storage) plus helpers to run schedulers and create objects.</summary>
internal sealed class ControlPlane : IAsyncDisposable
{
    private readonly InProcessControlPlane _controlPlane;
    private readonly List<RunningScheduler> _schedulers = [];

    private ControlPlane(InProcessControlPlane controlPlane) => _controlPlane = controlPlane;

    public KubeApiClient Client => _controlPlane.Client;

    /// <summary>Starts the control plane; <paramref name="configurePipeline"/> puts middleware in front of the API.</summary>
    public static async Task<ControlPlane> StartAsync(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder>? configurePipeline = null) =>
        new(await InProcessControlPlane.StartAsync(
            new InProcessControlPlaneOptions { DirectoryPrefix = "sched-it", ConfigurePipeline = configurePipeline, StartRegisteredServices = false },
            CancellationToken.None));

    /// <summary>Starts a scheduler host the way <c>karmada scheduler</c> does; returns its hosted services.</summary>
    public async Task<RunningScheduler> StartSchedulerAsync(SchedulerServiceOptions? options = null, LeaderElectionOptions? leaderElection = null, string? userAgent = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddKarmadaClient(_controlPlane.Configuration, client => client.UserAgent = userAgent ?? client.UserAgent);
        services.AddKarmadaScheduler(options ?? new SchedulerServiceOptions(), leaderElection);
        var provider = services.BuildServiceProvider();
        var scheduler = new RunningScheduler(provider, [.. provider.GetServices<IHostedService>()]);
        foreach (var hosted in scheduler.Hosted)
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        _schedulers.Add(scheduler);
        return scheduler;
    }

    public async Task<Cluster> CreateReadyClusterAsync(string name, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? labels = null, Action<Cluster>? customize = null)
    {
        var cluster = TestObjects.ReadyCluster(name, labels: labels);
        customize?.Invoke(cluster);
        var status = cluster.Status;
        var created = await Client.CreateAsync(SchedulerResources.Clusters, null, cluster, SchedulerResources.ClusterType, cancellationToken: cancellationToken);
        created.Status = status;
        return await Client.UpdateStatusAsync(SchedulerResources.Clusters, null, name, created, SchedulerResources.ClusterType, cancellationToken: cancellationToken);
    }

    public Task<ResourceBinding> CreateBindingAsync(ResourceBinding binding, CancellationToken cancellationToken) =>
        Client.CreateAsync(SchedulerResources.ResourceBindings, binding.Metadata.Namespace, binding, SchedulerResources.ResourceBindingType, cancellationToken: cancellationToken);

    public Task<ResourceBinding> GetBindingAsync(string name, CancellationToken cancellationToken) =>
        Client.GetAsync(SchedulerResources.ResourceBindings, "default", name, SchedulerResources.ResourceBindingType, cancellationToken);

    /// <summary>Polls the binding until <paramref name="condition"/> holds; returns it.</summary>
    public Task<ResourceBinding> WaitForBindingAsync(string name, Func<ResourceBinding, bool> condition, string because, CancellationToken cancellationToken) =>
        Client.ReadUntilAsync(SchedulerResources.ResourceBindings, "default", name, SchedulerResources.ResourceBindingType, condition, TimeSpan.FromSeconds(30), because, cancellationToken);

    public static bool IsScheduled(ResourceBinding binding) =>
        binding.Status.Conditions.Exists(c => c.Type == BindingConditionTypes.Scheduled && c.Status == Api.Meta.ConditionStatus.True)
        && binding.Status.SchedulerObservedGeneration == binding.Metadata.Generation;

    public async ValueTask DisposeAsync()
    {
        foreach (var scheduler in _schedulers)
        {
            await scheduler.DisposeAsync();
        }

        await _controlPlane.DisposeAsync();
    }
}

/// <summary>A scheduler host started by a test.</summary>
internal sealed class RunningScheduler(ServiceProvider provider, IReadOnlyList<IHostedService> hosted) : IAsyncDisposable
{
    private bool _stopped;

    public IReadOnlyList<IHostedService> Hosted { get; } = hosted;

    public KubeApiClient Client => provider.GetRequiredService<KubeApiClient>();

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        for (var i = Hosted.Count - 1; i >= 0; i--)
        {
            await Hosted[i].StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await provider.DisposeAsync();
    }
}
