using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Client.Queues;
using Karmada.Controllers.Detector;
using Karmada.Interpreter;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Karmada.Controllers.Dependencies;

/// <summary>
/// The dependencies distributor (upstream <c>pkg/dependenciesdistributor</c>, gate PropagateDeps): reconciles every
/// ResourceBinding change with <see cref="DependenciesDistributorReconciler"/>, and re-queues the
/// <c>propagateDeps</c> bindings of a namespace when a ConfigMap, Secret, ServiceAccount or PersistentVolumeClaim
/// appears or changes there, so a dependency created after its workload is still attached.
/// </summary>
public sealed class DependenciesDistributor : IHostedService, IDisposable
{
    /// <summary>The controller's name in <c>--controllers</c>.</summary>
    public const string Name = "dependenciesDistributor";

    private static readonly ResourceRef[] DependencyResources =
    [
        ResourceRef.ConfigMaps,
        ResourceRef.Secrets,
        new(string.Empty, "v1", "serviceaccounts", Namespaced: true),
        new(string.Empty, "v1", "persistentvolumeclaims", Namespaced: true),
    ];

    private readonly SharedInformer<ResourceBinding> _bindings;
    private readonly IReadOnlyList<SharedInformer<JsonObject>> _dependencies;
    private readonly WorkQueue<ObjectKey> _queue;
    private readonly Controller<ObjectKey> _controller;
    private readonly Lock _gate = new();
    private List<IDisposable> _registrations = [];

    public DependenciesDistributor(
        KubeApiClient client,
        InformerFactory informers,
        IResourceInterpreter interpreter,
        int workers,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(informers);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _bindings = informers.GetInformer(
            BindingStore.ResourceBindings,
            KarmadaJson.GetTypeInfo<ResourceBinding>(),
            new ObjectMetaAccessor<ResourceBinding>(b => b.Metadata.Namespace, b => b.Metadata.Name, b => b.Metadata.ResourceVersion));
        _dependencies = [.. DependencyResources.Select(r => informers.GetInformer(r))];
        _queue = new WorkQueue<ObjectKey>("dependencies-distributor", RateLimiters.DefaultController<ObjectKey>(timeProvider), timeProvider);
        _controller = new Controller<ObjectKey>(
            Name,
            new DependenciesDistributorReconciler(
                client, _bindings, interpreter, new ResourceKindMapper(client), loggerFactory.CreateLogger<DependenciesDistributorReconciler>()),
            _queue,
            Options.Create(new ControllerOptions { Workers = workers }),
            loggerFactory.CreateLogger<Controller<ObjectKey>>(),
            [_bindings],
            timeProvider);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var registrations = new List<IDisposable>
        {
            _bindings.AddEventHandler(
                onAdd: b => _queue.Add(Key(b)),
                onUpdate: (_, b) => _queue.Add(Key(b)),
                onDelete: b => _queue.Add(Key(b))),
        };
        registrations.AddRange(_dependencies.Select(d => d.AddEventHandler(
            onAdd: obj => EnqueueIndependentBindings(JsonObjectMeta.GetNamespace(obj)),
            onUpdate: (_, obj) => EnqueueIndependentBindings(JsonObjectMeta.GetNamespace(obj)))));
        lock (_gate)
        {
            _registrations = registrations;
        }

        await _controller.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        List<IDisposable> registrations;
        lock (_gate)
        {
            registrations = _registrations;
            _registrations = [];
        }

        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        await _controller.StopAsync(cancellationToken);
    }

    public void Dispose()
    {
        _controller.Dispose();
        _queue.Dispose();
    }

    private void EnqueueIndependentBindings(string? ns)
    {
        foreach (var binding in _bindings.Indexer.List().Where(b => b.Spec.PropagateDeps && b.Metadata.Namespace == ns))
        {
            _queue.Add(Key(binding));
        }
    }

    private static ObjectKey Key(ResourceBinding binding) => new(binding.Metadata.Namespace, binding.Metadata.Name!);
}
