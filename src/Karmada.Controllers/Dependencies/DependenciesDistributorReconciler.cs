using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Karmada.Api;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;
using Karmada.Client.Controllers;
using Karmada.Client.Informers;
using Karmada.Controllers.Detector;
using Karmada.Controllers.Runtime;
using Karmada.Interpreter;
using Karmada.Policy.Selection;
using Microsoft.Extensions.Logging;

namespace Karmada.Controllers.Dependencies;

/// <summary>
/// Reconciles one ResourceBinding as a possible independent binding (upstream <c>DependenciesDistributor</c>): with
/// <c>propagateDeps</c>, its template's dependencies (interpreter <c>GetDependencies</c>) get attached bindings whose
/// <c>requiredBy</c> carries this binding's scheduled clusters, so the binding controller deploys them alongside; the
/// dependencies are recorded in an annotation and a finalizer guards the cleanup. Without <c>propagateDeps</c>, or
/// when deleted, the binding's snapshots are removed from attached bindings, and attached bindings nothing requires
/// any more are deleted. Every write is a guarded JSON patch of this binding's own fields and entries (see
/// <see cref="AttachedBindingPatch"/>, <see cref="IndependentBindingPatch"/>), computed from the informer's copy and
/// recomputed from a fresh read when a guard finds that copy stale. The dependents attaching to one attached binding
/// while a write of it is in flight share the next write (<see cref="GroupCommit{TKey, TRequest}"/>).
/// </summary>
public sealed partial class DependenciesDistributorReconciler : IReconciler<ObjectKey>
{
    private const int MaxAttempts = 5;

    private static readonly JsonTypeInfo<ResourceBinding> BindingType = KarmadaJson.GetTypeInfo<ResourceBinding>();

    private readonly KubeApiClient _client;
    private readonly CachedObjectReader _reader;
    private readonly SharedInformer<ResourceBinding> _bindings;
    private readonly IResourceInterpreter _interpreter;
    private readonly ResourceKindMapper _kinds;
    private readonly ILogger _logger;

    // The attached bindings this controller wrote, until the informer shows them: the dependents of one ConfigMap are
    // scheduled together, and each found the attached binding the previous one had just created or patched missing
    // or a version behind in the cache (a create refused as AlreadyExists, or a failed patch guard, and a read).
    private readonly MutationCache<ResourceBinding> _attached = new(b => b.Metadata.ResourceVersion, b => b.Metadata.Uid);

    // The dependents of one ConfigMap are scheduled together and each attaches itself to its one attached binding:
    // those arriving while a write of it is in flight share the next write instead of one write each.
    private readonly GroupCommit<ObjectKey, AttachRequest> _attachWrites;

    public DependenciesDistributorReconciler(
        KubeApiClient client,
        CachedObjectReader reader,
        SharedInformer<ResourceBinding> bindings,
        IResourceInterpreter interpreter,
        ResourceKindMapper kinds,
        ILogger<DependenciesDistributorReconciler> logger)
    {
        _client = client;
        _reader = reader;
        _bindings = bindings;
        _interpreter = interpreter;
        _kinds = kinds;
        _logger = logger;
        _attachWrites = new GroupCommit<ObjectKey, AttachRequest>(WriteAttachedAsync);
        DependencyIndexes.Ensure(bindings.Indexer);
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var binding = _bindings.Indexer.Get(key);
        if (binding is null)
        {
            // Gone without its finalizer (removed by hand): its snapshots must still go, as upstream cleans up on NotFound.
            await ForgetAttachedAsync(key.Namespace ?? string.Empty, key.Name, keep: [], cancellationToken);
            return ReconcileResult.Done;
        }

        var ns = binding.Metadata.Namespace ?? string.Empty;
        var name = binding.Metadata.Name ?? string.Empty;
        if (binding.Metadata.DeletionTimestamp is not null || !binding.Spec.PropagateDeps)
        {
            if (IndependentBindingEvents.CarriesMarks(binding))
            {
                await ForgetAttachedAsync(ns, name, keep: [], cancellationToken);
                await PatchIndependentAsync(binding, IndependentBindingPatch.Clear, cancellationToken);
            }

            return ReconcileResult.Done;
        }

        var resource = await _kinds.FindAsync(binding.Spec.Resource.ApiVersion, binding.Spec.Resource.Kind, cancellationToken);
        var template = resource is null ? null : await _reader.GetAsync(resource, ns, binding.Spec.Resource.Name, binding.Spec.Resource.ResourceVersion, cancellationToken);
        if (template is null)
        {
            // The template is gone: the garbage collector deletes this binding, and the deletion path cleans up.
            return ReconcileResult.Done;
        }

        var dependencies = _interpreter.GetDependencies(template);
        var recorded = DependenciesAnnotation(dependencies);
        await PatchIndependentAsync(binding, b => IndependentBindingPatch.Record(b, recorded), cancellationToken);

        var attachedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dependency in dependencies)
        {
            foreach (var obj in await ResolveAsync(dependency, ns, cancellationToken))
            {
                attachedNames.Add(await AttachAsync(obj, binding, cancellationToken));
            }
        }

        await ForgetAttachedAsync(ns, name, attachedNames, cancellationToken);
        return ReconcileResult.Done;
    }

    /// <summary>The <c>resourcebinding.karmada.io/dependencies</c> annotation value: the dependencies as upstream marshals them.</summary>
    public static string DependenciesAnnotation(IReadOnlyList<DependentObjectReference> dependencies)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        return new JsonArray([.. dependencies.Select(d => (JsonNode)new JsonObject
            {
                ["apiVersion"] = d.ApiVersion,
                ["kind"] = d.Kind,
                ["namespace"] = d.Namespace,
                ["name"] = string.IsNullOrEmpty(d.Name) ? null : d.Name,
                ["labelSelector"] = d.LabelSelector is null ? null : KarmadaJson.SerializeToNode(d.LabelSelector),
            })]).ToJsonString();
    }

    /// <summary>Patches the independent binding's own marks; a guard failing on a stale cached copy re-reads it and patches again.</summary>
    private async Task PatchIndependentAsync(ResourceBinding cached, Func<ResourceBinding, JsonArray?> plan, CancellationToken cancellationToken)
    {
        var ns = cached.Metadata.Namespace ?? string.Empty;
        var name = cached.Metadata.Name ?? string.Empty;
        ResourceBinding? current = cached;
        for (var attempt = 1; current is not null && plan(current) is { } patch; attempt++)
        {
            try
            {
                await _client.PatchAsync(BindingStore.ResourceBindings, ns, name, PatchType.Json, patch, cancellationToken: cancellationToken);
                return;
            }
            catch (ApiException ex) when (IsStaleCopy(ex) && attempt < MaxAttempts)
            {
                current = await GetOrNullAsync(ns, name, cancellationToken);
            }
        }
    }

    /// <summary>The objects a dependency names: one by name, or those its label selector matches in the namespace.</summary>
    private async Task<IReadOnlyList<JsonObject>> ResolveAsync(DependentObjectReference dependency, string bindingNamespace, CancellationToken cancellationToken)
    {
        var resource = await _kinds.FindAsync(dependency.ApiVersion, dependency.Kind, cancellationToken);
        if (resource is null)
        {
            return [];
        }

        var ns = string.IsNullOrEmpty(dependency.Namespace) ? bindingNamespace : dependency.Namespace;
        if (!string.IsNullOrEmpty(dependency.Name))
        {
            return await _reader.GetAsync(resource, ns, dependency.Name, null, cancellationToken) is { } obj ? [WithTypeMeta(obj, dependency)] : [];
        }

        if (dependency.LabelSelector is null)
        {
            return [];
        }

        var list = await _reader.ListAsync(resource, ns, cancellationToken);
        return [.. list
            .Where(o => LabelSelectorMatcher.Matches(dependency.LabelSelector, ClaimMetadata.StringMap(o, "labels") ?? []))
            .Select(o => WithTypeMeta(o, dependency))];
    }

    /// <summary>
    /// Creates the attached binding of <paramref name="dependency"/>, or patches this independent binding's entry into
    /// it (<see cref="AttachedBindingPatch"/>), together with the other dependents attaching at the same moment;
    /// returns its name.
    /// </summary>
    private async Task<string> AttachAsync(JsonObject dependency, ResourceBinding independent, CancellationToken cancellationToken)
    {
        var kind = (string?)dependency["kind"] ?? string.Empty;
        var name = BindingNames.GenerateBindingName(kind, JsonObjectMeta.GetName(dependency) ?? string.Empty);
        await _attachWrites.SubmitAsync(new ObjectKey(independent.Metadata.Namespace, name), new AttachRequest(dependency, independent), cancellationToken);
        return name;
    }

    /// <summary>
    /// One write that records every request of <paramref name="batch"/> on the attached binding: a create when there
    /// is none yet, else one guarded patch; a write refused because the copy it was computed from is stale is
    /// recomputed from a fresh read.
    /// </summary>
    private async Task WriteAttachedAsync(ObjectKey key, IReadOnlyList<AttachRequest> batch, CancellationToken cancellationToken)
    {
        var (ns, name) = (key.Namespace ?? string.Empty, key.Name);
        var current = _attached.Resolve(key, _bindings.Indexer.Get(key));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (current is null)
                {
                    _attached.Record(key, await _client.CreateAsync(BindingStore.ResourceBindings, ns, AttachedBindings.Build(batch), BindingType, cancellationToken: cancellationToken));
                    LogAttached(_logger, ns, name, batch.Count, batch[0].Independent.Metadata.Name ?? string.Empty);
                }
                else if (AttachedBindingPatch.Attach(current, batch) is { } patch)
                {
                    _attached.Record(key, await _client.PatchAsync(BindingStore.ResourceBindings, ns, name, PatchType.Json, patch, BindingType, cancellationToken: cancellationToken));
                }

                return;
            }
            catch (ApiException ex) when ((IsStaleCopy(ex) || ex.IsAlreadyExists() || ex.IsNotFound()) && attempt < MaxAttempts)
            {
                // The cache was behind: another independent binding created it a moment ago, or a guard failed.
                current = await GetOrNullAsync(ns, name, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Removes the independent binding from the attached bindings labelled for it, except those in
    /// <paramref name="keep"/>; an attached binding nothing else requires is deleted (only if no one attached
    /// to it meanwhile: the delete carries its resourceVersion).
    /// </summary>
    private async Task ForgetAttachedAsync(string ns, string name, HashSet<string> keep, CancellationToken cancellationToken)
    {
        var stale = DependencyIndexes.AttachedTo(_bindings.Indexer, ns, name)
            .Where(b => !keep.Contains(b.Metadata.Name ?? string.Empty))
            .ToList();
        foreach (var attached in stale)
        {
            var attachedName = attached.Metadata.Name!;
            var key = new ObjectKey(ns, attachedName);
            var current = _attached.Resolve(key, attached);
            for (var attempt = 1; current is not null; attempt++)
            {
                try
                {
                    if (AttachedBindings.RequiredOnlyBy(current, ns, name))
                    {
                        await _client.DeleteAsync(
                            BindingStore.ResourceBindings,
                            ns,
                            attachedName,
                            new DeleteOptions { Preconditions = new DeletePreconditions { ResourceVersion = current.Metadata.ResourceVersion } },
                            cancellationToken);
                        _attached.Forget(key);
                        LogDetached(_logger, ns, attachedName, name);
                    }
                    else if (AttachedBindingPatch.Detach(current, ns, name) is { } patch)
                    {
                        _attached.Record(key, await _client.PatchAsync(BindingStore.ResourceBindings, ns, attachedName, PatchType.Json, patch, BindingType, cancellationToken: cancellationToken));
                    }

                    break;
                }
                catch (ApiException ex) when (ex.IsNotFound())
                {
                    break;
                }
                catch (ApiException ex) when (IsStaleCopy(ex) && attempt < MaxAttempts)
                {
                    current = await GetOrNullAsync(ns, attachedName, cancellationToken);
                }
            }
        }
    }

    // A write computed from a stale copy: a failed patch guard (422) or a resourceVersion precondition (409).
    private static bool IsStaleCopy(ApiException ex) => ex.IsInvalid() || ex.IsConflict();

    private async Task<ResourceBinding?> GetOrNullAsync(string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.GetAsync(BindingStore.ResourceBindings, ns, name, BindingType, cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    private static JsonObject WithTypeMeta(JsonObject obj, DependentObjectReference dependency)
    {
        if ((string?)obj["apiVersion"] == dependency.ApiVersion && (string?)obj["kind"] == dependency.Kind)
        {
            return obj;
        }

        var copy = ObjectCloner.DeepClone(obj);
        copy["apiVersion"] = dependency.ApiVersion;
        copy["kind"] = dependency.Kind;
        return copy;
    }

    // Event ids 4600-4649: dependencies distributor. Next free id: 4602.
    [LoggerMessage(4600, LogLevel.Information, "Attached binding {Namespace}/{Name} created for {Count} independent bindings, first {Independent}")]
    private static partial void LogAttached(ILogger logger, string @namespace, string name, int count, string independent);

    [LoggerMessage(4601, LogLevel.Information, "Attached binding {Namespace}/{Name} deleted: {Independent} was its last referrer")]
    private static partial void LogDetached(ILogger logger, string @namespace, string name, string independent);
}
