using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Controllers.Binding;
using Karmada.Controllers.Runtime;
using Karmada.Interpreter;
using Karmada.Testing;
using Karmada.Testing.ControlPlane;
using Microsoft.Extensions.Logging.Abstractions;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Tests.Binding;

/// <summary>
/// A real in-process control plane (memory storage, Karmada kinds and admission) running only the <c>binding</c>
/// controller, with Clusters member1 and member2 and their execution namespaces created as the cluster controller would.
/// </summary>
public sealed class BindingControlPlaneFixture : IAsyncLifetime
{
    private InProcessControlPlane _controlPlane = null!;

    public KubeApiClient Client => _controlPlane.Client;

    public async Task InitializeAsync()
    {
        _controlPlane = await InProcessControlPlane.StartAsync(
            new InProcessControlPlaneOptions
            {
                DirectoryPrefix = "binding-it",
                ConfigureServices = services => services.AddKarmadaControllers(new ControllerManagerOptions { Controllers = [ResourceBindingController.Name], Workers = 2 }),
                StartRegisteredServices = false,
            },
            CancellationToken.None);

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

        await _controlPlane.StartRegisteredServicesAsync(CancellationToken.None);
    }

    /// <summary>A second ResourceBinding reconciler over the running controller's informers, to reconcile on demand.</summary>
    public ResourceBindingController CreateResourceBindingReconciler()
    {
        var informers = _controlPlane.Informers;
        var synchronizer = new BindingWorkSynchronizer(
            Client,
            new CachedObjectReader(Client, informers),
            new ResourceKindMapper(Client),
            new WorkRenderer(ResourceInterpreter.CreateDefault()),
            informers.GetInformer(BindingResources.Works, BindingResources.WorkType, BindingResources.WorkMeta),
            ControllerServiceCollectionExtensions.ClusterInformer(_controlPlane.Services),
            informers.GetInformer(BindingResources.OverridePolicies, BindingResources.OverridePolicyType, BindingResources.OverridePolicyMeta),
            informers.GetInformer(BindingResources.ClusterOverridePolicies, BindingResources.ClusterOverridePolicyType, BindingResources.ClusterOverridePolicyMeta),
            NullLogger<BindingWorkSynchronizer>.Instance);
        return new ResourceBindingController(
            Client,
            informers.GetInformer(BindingResources.ResourceBindings, BindingResources.ResourceBindingType, BindingResources.ResourceBindingMeta),
            synchronizer);
    }

    /// <summary>
    /// Waits until the running controller's Work cache holds exactly these versions. A reconcile on demand reads the
    /// cache, and one that still holds an older Work answers with a Conflict (the controller requeues on it).
    /// </summary>
    public Task WaitForCachedWorksAsync(CancellationToken cancellationToken, params WorkV1Alpha1.Work[] works)
    {
        var cache = _controlPlane.Informers.GetInformer(BindingResources.Works, BindingResources.WorkType, BindingResources.WorkMeta).Indexer;
        return Eventually.UntilAsync(
            () => Task.FromResult(works.All(w => cache.Get(new ObjectKey(w.Metadata.Namespace, w.Metadata.Name!))?.Metadata.ResourceVersion == w.Metadata.ResourceVersion)),
            TimeSpan.FromSeconds(30),
            "the Work cache catches up",
            cancellationToken);
    }

    public Task DisposeAsync() => _controlPlane.DisposeAsync().AsTask();
}
