using System.Text.Json.Nodes;
using System.Threading.Channels;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Client.Queues;
using Karmada.Interpreter;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PropagationPolicy = Karmada.Api.Policy.V1Alpha1.PropagationPolicy;

namespace Karmada.Controllers.Detector;

/// <summary>
/// The resource detector (upstream <c>pkg/detector</c>): discovers every served resource that can hold resource
/// templates (periodically and whenever a CRD changes), watches each with a shared informer, and runs two queues —
/// templates, reconciled by <see cref="TemplateReconciler"/> into claims and bindings, and policies, reconciled by
/// <see cref="PolicyReconciler"/> into template re-evaluation and deletion cleanup.
/// </summary>
public sealed partial class ResourceDetector : IHostedService, IDisposable
{
    /// <summary>The detector's name in <c>--controllers</c>.</summary>
    public const string Name = "resourceDetector";

    private readonly KubeApiClient _client;
    private readonly InformerFactory _informers;
    private readonly DetectorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SkippedApis _skippedApis;
    private readonly TemplateEventFilter _filter;
    private readonly TemplateInformers _templates = new();
    private readonly SharedInformer<PropagationPolicy> _propagationPolicies;
    private readonly SharedInformer<ClusterPropagationPolicy> _clusterPropagationPolicies;
    private readonly WorkQueue<TemplateKey> _templateQueue;
    private readonly WorkQueue<PolicyKey> _policyQueue;
    private readonly Controller<TemplateKey> _templateController;
    private readonly Controller<PolicyKey> _policyController;
    private readonly Channel<bool> _discoveryTrigger = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _gate = new();
    private List<IDisposable> _registrations = [];
    private CancellationTokenSource? _stopping;
    private Task? _discoveryLoop;

    public ResourceDetector(
        KubeApiClient client,
        InformerFactory informers,
        IResourceInterpreter interpreter,
        DetectorOptions options,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(informers);
        ArgumentNullException.ThrowIfNull(interpreter);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options.Validate();
        _client = client;
        _informers = informers;
        _options = options;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<ResourceDetector>();
        _skippedApis = new SkippedApis(options.SkippedPropagatingApis);
        _filter = new TemplateEventFilter(options.SkippedPropagatingNamespaces);
        _propagationPolicies = informers.GetInformer(
            PolicyResources.PropagationPolicies, PolicyResources.PropagationPolicyTypeInfo, PolicyResources.PropagationPolicyAccessor);
        _clusterPropagationPolicies = informers.GetInformer(
            PolicyResources.ClusterPropagationPolicies, PolicyResources.ClusterPropagationPolicyTypeInfo, PolicyResources.ClusterPropagationPolicyAccessor);

        _templateQueue = new WorkQueue<TemplateKey>("resource-detector", RateLimiters.DefaultController<TemplateKey>(timeProvider), timeProvider);
        _policyQueue = new WorkQueue<PolicyKey>("propagation-policy-detector", RateLimiters.DefaultController<PolicyKey>(timeProvider), timeProvider);
        var controllerOptions = Options.Create(new ControllerOptions { Workers = options.Workers });
        ISharedInformer[] policyInformers = [_propagationPolicies, _clusterPropagationPolicies];
        _templateController = new Controller<TemplateKey>(
            Name,
            new TemplateReconciler(
                client, informers, _templates, _propagationPolicies, _clusterPropagationPolicies, interpreter, options.PolicyPreemption, loggerFactory.CreateLogger<TemplateReconciler>()),
            _templateQueue,
            controllerOptions,
            loggerFactory.CreateLogger<Controller<TemplateKey>>(),
            policyInformers,
            timeProvider);
        _policyController = new Controller<PolicyKey>(
            "propagationPolicyDetector",
            new PolicyReconciler(
                client, informers, _templates, _propagationPolicies, _clusterPropagationPolicies, _templateQueue.Add, loggerFactory.CreateLogger<PolicyReconciler>()),
            _policyQueue,
            controllerOptions,
            loggerFactory.CreateLogger<Controller<PolicyKey>>(),
            policyInformers,
            timeProvider);
    }

    /// <summary>The resources watched so far.</summary>
    public IReadOnlyList<TemplateResource> WatchedResources => [.. _templates.All.Select(w => w.Resource)];

    /// <summary>Whether the first discovery has completed and every template informer has synced.</summary>
    public bool IsReady => _templates.IsReady;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var registrations = new List<IDisposable>
        {
            _propagationPolicies.AddEventHandler(
                onAdd: p => _policyQueue.Add(new PolicyKey(p.Metadata.Namespace ?? string.Empty, p.Metadata.Name!)),
                onUpdate: (old, p) =>
                {
                    if (PolicyChanged(old.Metadata, p.Metadata))
                    {
                        _policyQueue.Add(new PolicyKey(p.Metadata.Namespace ?? string.Empty, p.Metadata.Name!));
                    }
                },
                onDelete: p => EnqueueClaimedBy(PolicyReference.Of(p))),
            _clusterPropagationPolicies.AddEventHandler(
                onAdd: p => _policyQueue.Add(new PolicyKey(null, p.Metadata.Name!)),
                onUpdate: (old, p) =>
                {
                    if (PolicyChanged(old.Metadata, p.Metadata))
                    {
                        _policyQueue.Add(new PolicyKey(null, p.Metadata.Name!));
                    }
                },
                onDelete: p => EnqueueClaimedBy(PolicyReference.Of(p))),
            _informers.GetInformer(PolicyResources.CustomResourceDefinitions).AddEventHandler(
                onAdd: _ => _discoveryTrigger.Writer.TryWrite(true),
                onUpdate: (_, _) => _discoveryTrigger.Writer.TryWrite(true),
                onDelete: _ => _discoveryTrigger.Writer.TryWrite(true)),
        };
        var stopping = new CancellationTokenSource();
        lock (_gate)
        {
            _registrations = registrations;
            _stopping = stopping;
        }

        await _policyController.StartAsync(cancellationToken);
        await _templateController.StartAsync(cancellationToken);
        _discoveryLoop = Task.Run(() => RunDiscoveryAsync(stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        List<IDisposable> registrations;
        CancellationTokenSource? stopping;
        lock (_gate)
        {
            registrations = _registrations;
            _registrations = [];
            stopping = _stopping;
            _stopping = null;
        }

        if (stopping is not null)
        {
            await stopping.CancelAsync();
        }

        if (_discoveryLoop is { } loop)
        {
            await loop.WaitAsync(cancellationToken);
        }

        stopping?.Dispose();
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        _templates.Clear();
        await _templateController.StopAsync(cancellationToken);
        await _policyController.StopAsync(cancellationToken);
    }

    public void Dispose()
    {
        _stopping?.Dispose();
        _templateController.Dispose();
        _policyController.Dispose();
        _templateQueue.Dispose();
        _policyQueue.Dispose();
    }

    /// <summary>
    /// A policy is looked at again when its spec (generation), deletion state or permanent id changed; a relist
    /// replaying unchanged policies is not news (upstream skips updates with an unchanged generation).
    /// </summary>
    internal static bool PolicyChanged(Api.Meta.ObjectMeta old, Api.Meta.ObjectMeta current) =>
        old.Generation != current.Generation
        || (old.DeletionTimestamp is null) != (current.DeletionTimestamp is null)
        || !old.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).SequenceEqual(current.Labels.OrderBy(l => l.Key, StringComparer.Ordinal));

    private async Task RunDiscoveryAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await DiscoverAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is ApiException or HttpRequestException or IOException or System.Text.Json.JsonException)
            {
                LogDiscoveryFailed(_logger, ex);
            }

            using var interval = new CancellationTokenSource(_options.DiscoveryInterval, _timeProvider);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interval.Token);
            try
            {
                await _discoveryTrigger.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The interval passed: discover again.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DiscoverAsync(CancellationToken cancellationToken)
    {
        var resources = await ApiResourceDiscovery.DiscoverAsync(_client, cancellationToken);
        foreach (var resource in resources)
        {
            var gv = resource.Resource;
            if (_templates.Contains(gv) || _skippedApis.IsSkipped(gv.Group, gv.Version, resource.Kind))
            {
                continue;
            }

            Watch(resource);
        }

        _templates.MarkDiscovered();
    }

    private void Watch(TemplateResource resource)
    {
        var informer = _informers.GetInformer(resource.Resource);
        _templates.Add(resource, informer);
        var registration = informer.AddEventHandler(
            onAdd: obj => Enqueue(resource, obj),
            onUpdate: (old, obj) =>
            {
                if (TemplateEventFilter.SpecificationChanged(old, obj) && !TemplateEventFilter.OnlyClaimAdded(old, obj))
                {
                    Enqueue(resource, obj);
                }
            });
        lock (_gate)
        {
            if (_stopping is null)
            {
                registration.Dispose();
                return;
            }

            _registrations.Add(registration);
        }

        LogWatching(_logger, resource.ToString(), resource.Resource.ToString());
    }

    /// <summary>
    /// A policy gone without the detector's cleanup (its finalizer removed by someone else) leaves stale claims: the
    /// templates carrying them are reconciled, which releases them.
    /// </summary>
    private void EnqueueClaimedBy(PolicyReference policy)
    {
        if (string.IsNullOrEmpty(policy.PermanentId))
        {
            return;
        }

        foreach (var key in _templates.ClaimedBy(policy.PermanentId))
        {
            _templateQueue.Add(key);
        }
    }

    private void Enqueue(TemplateResource resource, JsonObject obj)
    {
        var key = TemplateInformers.KeyOf(resource, obj);
        if (_filter.Accepts(key.Namespace, resource.Kind, key.Name))
        {
            _templateQueue.Add(key);
        }
    }

    // Event ids 4510-4519: resource detector discovery. Next free id: 4512.
    [LoggerMessage(4510, LogLevel.Information, "Watching resource templates of {Kind} ({Resource})")]
    private static partial void LogWatching(ILogger logger, string kind, string resource);

    [LoggerMessage(4511, LogLevel.Warning, "Discovering served resources failed; retrying at the next interval")]
    private static partial void LogDiscoveryFailed(ILogger logger, Exception exception);
}
