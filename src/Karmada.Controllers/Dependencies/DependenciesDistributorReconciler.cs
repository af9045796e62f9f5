using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Karmada.Api;
using Karmada.Api.WellKnown;
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
/// any more are deleted.
/// </summary>
public sealed partial class DependenciesDistributorReconciler : IReconciler<ObjectKey>
{
    private const int MaxConflictRetries = 5;

    private static readonly JsonTypeInfo<ResourceBinding> BindingType = KarmadaJson.GetTypeInfo<ResourceBinding>();

    private readonly KubeApiClient _client;
    private readonly CachedObjectReader _reader;
    private readonly SharedInformer<ResourceBinding> _bindings;
    private readonly IResourceInterpreter _interpreter;
    private readonly ResourceKindMapper _kinds;
    private readonly ILogger _logger;

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
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var binding = _bindings.Indexer.Get(key);
        if (binding is null)
        {
            return ReconcileResult.Done;
        }

        var ns = binding.Metadata.Namespace ?? string.Empty;
        var name = binding.Metadata.Name ?? string.Empty;
        if (binding.Metadata.DeletionTimestamp is not null || !binding.Spec.PropagateDeps)
        {
            if (binding.Metadata.Finalizers.Contains(WellKnownFinalizers.BindingDependenciesDistributor)
                || binding.Metadata.Annotations.ContainsKey(WellKnownAnnotations.ResourceBindingDependencies))
            {
                await ForgetAttachedAsync(ns, name, keep: [], cancellationToken);
                var updated = binding.DeepClone();
                updated.Metadata.Finalizers.Remove(WellKnownFinalizers.BindingDependenciesDistributor);
                updated.Metadata.Annotations.Remove(WellKnownAnnotations.ResourceBindingDependencies);
                await _client.UpdateAsync(BindingStore.ResourceBindings, ns, name, updated, BindingType, cancellationToken: cancellationToken);
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
        await RecordDependenciesAsync(binding, dependencies, cancellationToken);

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

    private async Task RecordDependenciesAsync(ResourceBinding binding, IReadOnlyList<DependentObjectReference> dependencies, CancellationToken cancellationToken)
    {
        var annotation = new JsonArray([.. dependencies.Select(d => (JsonNode)new JsonObject
            {
                ["apiVersion"] = d.ApiVersion,
                ["kind"] = d.Kind,
                ["namespace"] = d.Namespace,
                ["name"] = string.IsNullOrEmpty(d.Name) ? null : d.Name,
                ["labelSelector"] = d.LabelSelector is null ? null : KarmadaJson.SerializeToNode(d.LabelSelector),
            })]).ToJsonString();
        if (binding.Metadata.Finalizers.Contains(WellKnownFinalizers.BindingDependenciesDistributor)
            && binding.Metadata.Annotations.GetValueOrDefault(WellKnownAnnotations.ResourceBindingDependencies) == annotation)
        {
            return;
        }

        var updated = binding.DeepClone();
        if (!updated.Metadata.Finalizers.Contains(WellKnownFinalizers.BindingDependenciesDistributor))
        {
            updated.Metadata.Finalizers.Add(WellKnownFinalizers.BindingDependenciesDistributor);
        }

        updated.Metadata.Annotations[WellKnownAnnotations.ResourceBindingDependencies] = annotation;
        await _client.UpdateAsync(BindingStore.ResourceBindings, updated.Metadata.Namespace, updated.Metadata.Name!, updated, BindingType, cancellationToken: cancellationToken);
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

    /// <summary>Creates or updates the attached binding of <paramref name="dependency"/>; returns its name.</summary>
    private async Task<string> AttachAsync(JsonObject dependency, ResourceBinding independent, CancellationToken cancellationToken)
    {
        var desired = AttachedBindings.Build(dependency, independent);
        var ns = desired.Metadata.Namespace;
        var name = desired.Metadata.Name!;
        var existing = _bindings.Indexer.Get(new ObjectKey(ns, name));
        if (existing is null)
        {
            try
            {
                await _client.CreateAsync(BindingStore.ResourceBindings, ns, desired, BindingType, cancellationToken: cancellationToken);
                LogAttached(_logger, ns ?? string.Empty, name, independent.Metadata.Name ?? string.Empty);
                return name;
            }
            catch (ApiException ex) when (ex.IsAlreadyExists())
            {
                // The cache has not seen it yet (another independent binding attached it a moment ago): merge into the stored one.
                existing = await _client.GetAsync(BindingStore.ResourceBindings, ns, name, BindingType, cancellationToken);
            }
        }

        // A dependency shared by many workloads (one ConfigMap for a whole namespace) has one attached binding that all
        // their distributors write: a conflict is merged again into the stored binding at once rather than requeued
        // behind the rate limiter, where a namespace's worth of bindings would take turns losing the race.
        for (var attempt = 1; ; attempt++)
        {
            var updated = existing.DeepClone();
            AttachedBindings.Merge(updated, dependency, independent);
            if (KarmadaJson.Serialize(updated) == KarmadaJson.Serialize(existing))
            {
                return name;
            }

            try
            {
                await _client.UpdateAsync(BindingStore.ResourceBindings, ns, name, updated, BindingType, cancellationToken: cancellationToken);
                return name;
            }
            catch (ApiException ex) when (ex.IsConflict() && attempt < MaxConflictRetries)
            {
                existing = await _client.GetAsync(BindingStore.ResourceBindings, ns, name, BindingType, cancellationToken);
            }
        }
    }

    /// <summary>Removes the independent binding from the attached bindings labelled for it, except those in <paramref name="keep"/>.</summary>
    private async Task ForgetAttachedAsync(string ns, string name, HashSet<string> keep, CancellationToken cancellationToken)
    {
        var label = AttachedBindings.DependedByLabel(ns, name);
        var stale = _bindings.Indexer.List()
            .Where(b => b.Metadata.Namespace == ns && b.Metadata.Labels.ContainsKey(label) && !keep.Contains(b.Metadata.Name ?? string.Empty));
        foreach (var attached in stale)
        {
            var updated = attached.DeepClone();
            if (AttachedBindings.Forget(updated, ns, name))
            {
                await DeleteBindingAsync(ns, updated.Metadata.Name!, cancellationToken);
                LogDetached(_logger, ns, updated.Metadata.Name!, name);
            }
            else
            {
                await _client.UpdateAsync(BindingStore.ResourceBindings, ns, updated.Metadata.Name!, updated, BindingType, cancellationToken: cancellationToken);
            }
        }
    }

    private async Task DeleteBindingAsync(string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            await _client.DeleteAsync(BindingStore.ResourceBindings, ns, name, cancellationToken: cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
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
    [LoggerMessage(4600, LogLevel.Information, "Attached binding {Namespace}/{Name} created for {Independent}")]
    private static partial void LogAttached(ILogger logger, string @namespace, string name, string independent);

    [LoggerMessage(4601, LogLevel.Information, "Attached binding {Namespace}/{Name} deleted: {Independent} was its last referrer")]
    private static partial void LogDetached(ILogger logger, string @namespace, string name, string independent);
}
