using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Client.Queues;
using Karmada.Controllers.Detector;
using Karmada.Controllers.Runtime;
using Karmada.Interpreter;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Karmada.Controllers.Dependencies;

/// <summary>
/// The dependencies distributor (upstream <c>pkg/dependenciesdistributor</c>, gate PropagateDeps): reconciles the
/// ResourceBinding changes <see cref="IndependentBindingEvents"/> lets through with
/// <see cref="DependenciesDistributorReconciler"/>, and re-queues the
/// <c>propagateDeps</c> bindings that recorded a ConfigMap, Secret, ServiceAccount or PersistentVolumeClaim as a
/// dependency when it appears, changes or goes, so a dependency created after its workload is still attached.
/// </summary>
public sealed class DependenciesDistributor : IHostedService, IDisposable
{
    /// <summary>The controller's name in <c>--controllers</c>.</summary>
    public const string Name = "dependenciesDistributor";

    private static readonly (ResourceRef Resource, string Kind)[] DependencyResources =
    [
        (ResourceRef.ConfigMaps, "ConfigMap"),
        (ResourceRef.Secrets, "Secret"),
        (new(string.Empty, "v1", "serviceaccounts", Namespaced: true), "ServiceAccount"),
        (new(string.Empty, "v1", "persistentvolumeclaims", Namespaced: true), "PersistentVolumeClaim"),
    ];

    private readonly SharedInformer<ResourceBinding> _bindings;
    private readonly IReadOnlyList<(SharedInformer<JsonObject> Informer, string Kind)> _dependencies;
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
        _dependencies = [.. DependencyResources.Select(r => (informers.GetInformer(r.Resource), r.Kind))];
        _queue = new WorkQueue<ObjectKey>("dependencies-distributor", RateLimiters.DefaultController<ObjectKey>(timeProvider), timeProvider);
        _controller = new Controller<ObjectKey>(
            Name,
            new DependenciesDistributorReconciler(
                client, new CachedObjectReader(client, informers), _bindings, interpreter, new ResourceKindMapper(client), loggerFactory.CreateLogger<DependenciesDistributorReconciler>()),
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
                onAdd: b =>
                {
                    if (IndependentBindingEvents.OnAdd(b))
                    {
                        _queue.Add(Key(b));
                    }
                },
                onUpdate: (old, b) =>
                {
                    if (IndependentBindingEvents.OnUpdate(old, b))
                    {
                        _queue.Add(Key(b));
                    }
                },
                onDelete: b =>
                {
                    if (IndependentBindingEvents.CarriesMarks(b))
                    {
                        _queue.Add(Key(b));
                    }
                }),
        };
        registrations.AddRange(_dependencies.Select(d => d.Informer.AddEventHandler(
            onAdd: obj => EnqueueDependents(d.Kind, obj),
            onUpdate: (_, obj) => EnqueueDependents(d.Kind, obj),
            onDelete: obj => EnqueueDependents(d.Kind, obj))));
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

    /// <summary>
    /// Queues the independent bindings of the object's namespace that recorded it as a dependency; a binding that has
    /// not recorded its dependencies yet is queued by its own add event.
    /// </summary>
    private void EnqueueDependents(string kind, JsonObject obj)
    {
        var ns = JsonObjectMeta.GetNamespace(obj);
        foreach (var binding in DependencyIndexes.RecordingIn(_bindings.Indexer, ns ?? string.Empty))
        {
            if (binding.Spec.PropagateDeps
                && RecordedDependencies.Matches(binding.Metadata.Annotations, ns, "v1", kind, obj))
            {
                _queue.Add(Key(binding));
            }
        }
    }

    private static ObjectKey Key(ResourceBinding binding) => new(binding.Metadata.Namespace, binding.Metadata.Name!);
}
