using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Client.Informers;
using Karmada.Controllers.Binding;
using Karmada.Controllers.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Controllers.Namespaces;

/// <summary>Wires the <c>namespace</c> controller to its informers and events.</summary>
public static class NamespaceSyncControllers
{
    /// <summary>The controller as a hosted service over the process-wide informers.</summary>
    public static IHostedService Create(IServiceProvider services, ControllerManagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var informers = services.GetRequiredService<InformerFactory>();
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var namespaces = informers.GetInformer(ResourceRef.Namespaces);
        var clusters = ControllerServiceCollectionExtensions.ClusterInformer(services);
        var policies = informers.GetInformer(BindingResources.ClusterOverridePolicies, BindingResources.ClusterOverridePolicyType, BindingResources.ClusterOverridePolicyMeta);
        var works = informers.GetInformer(BindingResources.Works, BindingResources.WorkType, BindingResources.WorkMeta);
        return new MultiSourceReconcilerHostedService(
            NamespaceSyncController.ControllerName,
            new NamespaceSyncController(services.GetRequiredService<KubeApiClient>(), namespaces, clusters, policies, works, loggers.CreateLogger<NamespaceSyncController>()),
            EventSources(namespaces, clusters, policies, works),
            options.WorkersFor(options.ConcurrentNamespaceSyncs),
            time,
            loggers);
    }

    /// <summary>
    /// What enqueues a namespace (upstream's watches): its own creation and changes; a new Cluster (every namespace);
    /// any change to a ClusterOverridePolicy (the namespaces it selects, or all when it selects Namespaces by kind
    /// only); and the Works the controller reads, so it waits on its cache rather than on backoff.
    /// </summary>
    public static IReadOnlyList<EventSource> EventSources(
        SharedInformer<JsonObject> namespaces,
        SharedInformer<Api.Cluster.V1Alpha1.Cluster> clusters,
        SharedInformer<PolicyV1Alpha1.ClusterOverridePolicy> policies,
        SharedInformer<Api.Work.V1Alpha1.Work> works)
    {
        ArgumentNullException.ThrowIfNull(namespaces);
        IEnumerable<ObjectKey> Self(JsonObject ns) => [new ObjectKey(null, JsonObjectMeta.GetName(ns)!)];
        IEnumerable<ObjectKey> All() => namespaces.Indexer.List().SelectMany(Self);
        IEnumerable<ObjectKey> Selected(PolicyV1Alpha1.ClusterOverridePolicy policy)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var selector in policy.Spec.ResourceSelectors.Where(s => s.ApiVersion == "v1" && s.Kind == "Namespace"))
            {
                if (string.IsNullOrEmpty(selector.Name))
                {
                    return All();
                }

                names.Add(selector.Name);
            }

            return names.Select(n => new ObjectKey(null, n));
        }

        IEnumerable<ObjectKey> OwnerOf(Api.Work.V1Alpha1.Work work) =>
            work.Metadata.OwnerReferences.Where(o => o.ApiVersion == "v1" && o.Kind == "Namespace").Select(o => new ObjectKey(null, o.Name));

        return
        [
            EventSource.From(namespaces, onAdd: Self, onUpdate: (_, ns) => Self(ns), onDelete: null),
            EventSource.From(clusters, onAdd: _ => All(), onUpdate: null, onDelete: null),
            EventSource.From(policies, onAdd: Selected, onUpdate: (old, policy) => Selected(old).Concat(Selected(policy)).Distinct(), onDelete: Selected),
            EventSource.From(works, onAdd: null, onUpdate: null, onDelete: OwnerOf),
        ];
    }
}
