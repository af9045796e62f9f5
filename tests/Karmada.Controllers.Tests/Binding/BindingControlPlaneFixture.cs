using System.Text.Json.Nodes;
using k8s;
using Karmada.ApiServer.ControlPlane;
using Karmada.ApiServer.Hosting;
using Karmada.Client;
using Karmada.Client.Informers;
using Karmada.Controllers.Binding;
using Karmada.Controllers.Runtime;
using Karmada.Interpreter;
using Karmada.Storage;
using Karmada.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Controllers.Tests.Binding;

/// <summary>
/// A real in-process control plane (memory storage, Karmada kinds and admission) running only the <c>binding</c>
/// controller, with Clusters member1 and member2 and their execution namespaces created as the cluster controller would.
/// </summary>
public sealed class BindingControlPlaneFixture : IAsyncLifetime
{
    private readonly TempDirectory _dataDir = new("binding-it");
    private readonly List<IHostedService> _hosted = [];
    private ApiServerInstance _controlPlane = null!;
    private ServiceProvider _services = null!;

    public KubeApiClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _controlPlane = await ApiServerApplication.StartAsync(
            new ApiServerOptions
            {
                DataDirectory = _dataDir.Path,
                SecurePort = 0,
                Storage = new StorageOptions { Backend = StorageBackend.Memory },
                ExtraResources = KarmadaResourceDefinitions.All,
                ExtraNamespaces = ControlPlaneServices.SystemNamespaces,
            },
            NullLoggerFactory.Instance,
            ControlPlaneServices.Add,
            CancellationToken.None);

        var configuration = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(_controlPlane.KubeconfigPath));
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddKarmadaClient(configuration);
        services.AddKarmadaControllers(new ControllerManagerOptions { Controllers = [ResourceBindingController.Name], Workers = 2 });
        _services = services.BuildServiceProvider();
        Client = _services.GetRequiredService<KubeApiClient>();

        foreach (var cluster in new[] { "member1", "member2" })
        {
            await Client.CreateAsync(ResourceRefs.Clusters, JsonNode.Parse($$"""
                { "apiVersion": "cluster.karmada.io/v1alpha1", "kind": "Cluster",
                  "metadata": { "name": "{{cluster}}", "labels": { "location": "{{cluster}}" } },
                  "spec": { "syncMode": "Push", "apiEndpoint": "https://127.0.0.1:6443" } }
                """)!.AsObject());
            await Client.CreateAsync(ResourceRef.Namespaces, new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Namespace",
                ["metadata"] = new JsonObject { ["name"] = "karmada-es-" + cluster },
            });
        }

        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
            _hosted.Add(hosted);
        }
    }

    /// <summary>A second ResourceBinding reconciler over the running controller's informers, to reconcile on demand.</summary>
    public ResourceBindingController CreateResourceBindingReconciler()
    {
        var informers = _services.GetRequiredService<InformerFactory>();
        var synchronizer = new BindingWorkSynchronizer(
            Client,
            new CachedObjectReader(Client, informers),
            new ResourceKindMapper(Client),
            new WorkRenderer(ResourceInterpreter.CreateDefault()),
            informers.GetInformer(BindingResources.Works, BindingResources.WorkType, BindingResources.WorkMeta),
            ControllerServiceCollectionExtensions.ClusterInformer(_services),
            informers.GetInformer(BindingResources.OverridePolicies, BindingResources.OverridePolicyType, BindingResources.OverridePolicyMeta),
            informers.GetInformer(BindingResources.ClusterOverridePolicies, BindingResources.ClusterOverridePolicyType, BindingResources.ClusterOverridePolicyMeta),
            NullLogger<BindingWorkSynchronizer>.Instance);
        return new ResourceBindingController(
            Client,
            informers.GetInformer(BindingResources.ResourceBindings, BindingResources.ResourceBindingType, BindingResources.ResourceBindingMeta),
            synchronizer);
    }

    public async Task DisposeAsync()
    {
        for (var i = _hosted.Count - 1; i >= 0; i--)
        {
            await _hosted[i].StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
        await _controlPlane.DisposeAsync();
        _dataDir.Dispose();
    }
}
