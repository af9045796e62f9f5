using Karmada.Api;
using Karmada.Client;
using Karmada.Client.Informers;
using Karmada.Controllers.Binding;
using Karmada.Controllers.Runtime;
using Karmada.Interpreter;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.BindingStatus;

/// <summary>
/// The <c>bindingStatus</c> controller of the manager: as upstream, one name for two controllers, the
/// ResourceBinding and the ClusterResourceBinding status controllers, sharing the Work informer.
/// </summary>
public static class BindingStatusControllers
{
    /// <summary>The name in <c>--controllers</c>.</summary>
    public const string Name = "bindingStatus";

    /// <summary>
    /// Both controllers as one hosted service. The interpreter is the registered <see cref="IResourceInterpreter"/>
    /// (with its customizations) when there is one, the built-in one otherwise.
    /// </summary>
    public static IHostedService Create(IServiceProvider services, ControllerManagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var client = services.GetRequiredService<KubeApiClient>();
        var informers = services.GetRequiredService<InformerFactory>();
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var interpreter = services.GetService<IResourceInterpreter>() ?? ResourceInterpreter.CreateDefault(time);
        var templates = new TemplateStatusUpdater(client, new CachedObjectReader(client, informers), new ResourceKindMapper(client), interpreter, loggers.CreateLogger<TemplateStatusUpdater>());
        var works = informers.GetInformer(BindingResources.Works, BindingResources.WorkType, BindingResources.WorkMeta);
        return new HostedServiceGroup(() =>
        [
            CreateOne(BindingKinds.ResourceBinding, client, informers, works, templates, options, time, loggers),
            CreateOne(BindingKinds.ClusterResourceBinding, client, informers, works, templates, options, time, loggers),
        ]);
    }

    private static MultiSourceReconcilerHostedService CreateOne<TBinding>(
        BindingKind<TBinding> kind,
        KubeApiClient client,
        InformerFactory informers,
        SharedInformer<WorkV1Alpha1.Work> works,
        TemplateStatusUpdater templates,
        ControllerManagerOptions options,
        TimeProvider time,
        ILoggerFactory loggers)
        where TBinding : class
    {
        var bindings = informers.GetInformer(kind.Resource, kind.TypeInfo, kind.Accessor);
        return new MultiSourceReconcilerHostedService(
            kind.ControllerName,
            new BindingStatusController<TBinding>(kind, client, bindings, works, templates, time, loggers.CreateLogger<BindingStatusController<TBinding>>()),
            EventSources(kind, bindings, works),
            options.Workers,
            time,
            loggers);
    }

    /// <summary>
    /// The events that enqueue a binding (upstream's predicates, widened to spec changes): the binding once scheduled,
    /// again when its spec or template version changes (never for its own status writes), and each Work's status
    /// change and deletion mapped to its binding by annotations. As upstream's <c>workPredicateFn</c>, a Work's creation
    /// does not: a new Work has no status yet, and its first one (Applied) follows within moments; syncing on the
    /// creations too cost a binding and a template status write per binding listing its Works as not yet applied.
    /// </summary>
    public static IReadOnlyList<EventSource> EventSources<TBinding>(BindingKind<TBinding> kind, SharedInformer<TBinding> bindings, SharedInformer<WorkV1Alpha1.Work> works)
        where TBinding : class
    {
        ArgumentNullException.ThrowIfNull(kind);
        IEnumerable<ObjectKey> Self(TBinding b) => [kind.Accessor.GetKey(b)];
        IEnumerable<ObjectKey> OwnerOf(WorkV1Alpha1.Work w) => kind.BindingOfWork(w) is { } owner ? [owner] : [];
        return
        [
            EventSource.From(
                bindings,
                onAdd: b => Scheduled(kind, b) ? Self(b) : [],
                onUpdate: (old, b) => BindingNeedsSync(kind, old, b) ? Self(b) : [],
                onDelete: null),
            EventSource.From(
                works,
                onAdd: null,
                // The owner first: a Work of the other binding kind is dismissed without comparing its statuses.
                onUpdate: (old, w) => kind.BindingOfWork(w) is { } owner && WorkStatusChanged(old, w) ? [owner] : [],
                onDelete: OwnerOf),
        ];
    }

    /// <summary>
    /// Whether a binding update needs a status sync: once it is scheduled (the scheduler set <c>lastScheduledTime</c>),
    /// when its spec changed (a new generation, unless only a dependent that targets no new cluster was recorded:
    /// <see cref="RequiredByChange"/>) or its template changed (<c>spec.resource.resourceVersion</c>); never for the
    /// controller's own status writes.
    /// </summary>
    public static bool BindingNeedsSync<TBinding>(BindingKind<TBinding> kind, TBinding old, TBinding current)
        where TBinding : class
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Scheduled(kind, current)
            && (!Scheduled(kind, old)
                || (kind.Metadata(old).Generation != kind.Metadata(current).Generation && !RequiredByChange.ChangesNoTarget(kind.Spec(old), kind.Spec(current)))
                || kind.Spec(old).Resource.ResourceVersion != kind.Spec(current).Resource.ResourceVersion);
    }

    /// <summary>Whether a Work update changed its status (upstream's Work predicate).</summary>
    public static bool WorkStatusChanged(WorkV1Alpha1.Work old, WorkV1Alpha1.Work current)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(current);
        // Compared as serialized bytes: cheaper than two JSON trees per Work event, and the server writes a status's
        // fields in a stable order, so equal statuses serialize alike.
        return !KarmadaJson.SerializeToUtf8Bytes(old.Status).AsSpan().SequenceEqual(KarmadaJson.SerializeToUtf8Bytes(current.Status));
    }

    private static bool Scheduled<TBinding>(BindingKind<TBinding> kind, TBinding binding)
        where TBinding : class => kind.Status(binding).LastScheduledTime is not null;
}
