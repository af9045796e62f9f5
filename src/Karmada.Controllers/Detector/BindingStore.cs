using Karmada.Api;
using Karmada.Api.Meta;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Client;
using Karmada.Client.Informers;

namespace Karmada.Controllers.Detector;

/// <summary>Outcome of <see cref="BindingStore.CreateOrUpdateAsync"/>.</summary>
public enum BindingWriteResult
{
    Unchanged,
    Created,
    Updated,
}

/// <summary>
/// Writes ResourceBindings and ClusterResourceBindings for the detector: create-or-update by read-modify-write with
/// optimistic concurrency, so fields other controllers own — the scheduler's <c>clusters</c> above all — always come
/// from the latest stored binding. The first attempt reads the shared binding informer's cache; a 409 (the cache was
/// stale, or someone wrote in between) re-reads from the API server and retries.
/// </summary>
public sealed class BindingStore
{
    private const int MaxAttempts = 5;

    /// <summary><c>work.karmada.io/v1alpha2</c> ResourceBindings.</summary>
    public static ResourceRef ResourceBindings { get; } = new("work.karmada.io", "v1alpha2", "resourcebindings", Namespaced: true);

    /// <summary><c>work.karmada.io/v1alpha2</c> ClusterResourceBindings.</summary>
    public static ResourceRef ClusterResourceBindings { get; } = new("work.karmada.io", "v1alpha2", "clusterresourcebindings", Namespaced: false);

    private readonly KubeApiClient _client;
    private readonly InformerFactory? _informers;

    // This store's own writes until the informer shows them: a template reconciled again right after its binding was
    // created (its claim, its policy and the scheduler's write each bring it back) must not create the binding twice.
    private readonly MutationCache<ResourceBinding> _writtenBindings = new(b => b.Metadata.ResourceVersion, b => b.Metadata.Uid);
    private readonly MutationCache<ClusterResourceBinding> _writtenClusterBindings = new(b => b.Metadata.ResourceVersion, b => b.Metadata.Uid);

    /// <param name="client">The control-plane client.</param>
    /// <param name="informers">The process's informers, for cache-first reads; null reads from the API server.</param>
    public BindingStore(KubeApiClient client, InformerFactory? informers = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _informers = informers;
    }

    /// <summary>
    /// Creates the binding, or merges <paramref name="desired"/> into the existing one. Throws
    /// <see cref="InvalidOperationException"/> when the existing binding is controlled by another object (a template
    /// deleted and recreated under the same name: the garbage collector removes the old binding first).
    /// </summary>
    public async Task<BindingWriteResult> CreateOrUpdateAsync(DesiredBinding desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return desired.IsCluster
                    ? await WriteAsync(ClusterResourceBindings, Cluster, _writtenClusterBindings, desired, fromCache: attempt == 1, cancellationToken)
                    : await WriteAsync(ResourceBindings, Namespaced, _writtenBindings, desired, fromCache: attempt == 1, cancellationToken);
            }
            catch (ApiException ex) when ((ex.IsConflict() || ex.IsAlreadyExists()) && attempt < MaxAttempts)
            {
                // Someone wrote in between (often the scheduler): start again from the stored binding.
            }
        }
    }

    /// <summary>
    /// Removes <paramref name="claim"/>'s kind of claim from the binding of a template when the binding still carries
    /// that policy's permanent id; a missing binding is fine.
    /// </summary>
    public async Task ReleaseAsync(string? @namespace, string name, PolicyReference claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (string.IsNullOrEmpty(@namespace))
                {
                    await ReleaseAsync(ClusterResourceBindings, Cluster, null, name, claim, cancellationToken);
                }
                else
                {
                    await ReleaseAsync(ResourceBindings, Namespaced, @namespace, name, claim, cancellationToken);
                }

                return;
            }
            catch (ApiException ex) when (ex.IsConflict() && attempt < MaxAttempts)
            {
            }
        }
    }

    private static readonly Kind<ResourceBinding> Namespaced = new(b => b.Metadata, b => b.Spec, () => new ResourceBinding());

    private static readonly Kind<ClusterResourceBinding> Cluster = new(b => b.Metadata, b => b.Spec, () => new ClusterResourceBinding());

    private async Task<BindingWriteResult> WriteAsync<T>(
        ResourceRef resource, Kind<T> kind, MutationCache<T> written, DesiredBinding desired, bool fromCache, CancellationToken cancellationToken)
        where T : class
    {
        var typeInfo = KarmadaJson.GetTypeInfo<T>();
        var ns = desired.Metadata.Namespace;
        var name = desired.Metadata.Name!;
        var key = new ObjectKey(ns, name);
        var existing = fromCache && Cached(resource, kind, typeInfo) is { } cache
            ? written.Resolve(key, cache.Indexer.Get(key))
            : await GetOrNullAsync(resource, ns, name, typeInfo, cancellationToken);
        if (existing is null)
        {
            var created = kind.Create();
            var meta = kind.Meta(created);
            meta.Name = name;
            meta.Namespace = ns;
            BindingBuilder.MergeInto(meta, kind.Spec(created), desired);
            written.Record(key, await _client.CreateAsync(resource, ns, created, typeInfo, cancellationToken: cancellationToken));
            return BindingWriteResult.Created;
        }

        var controller = kind.Meta(existing).OwnerReferences.Find(o => o.Controller == true);
        var templateUid = desired.Metadata.OwnerReferences[0].Uid;
        if (controller is not null && controller.Uid != templateUid)
        {
            throw new InvalidOperationException(
                $"Binding {ns}/{name} is controlled by another object (uid {controller.Uid}, not {templateUid}); waiting for the garbage collector to delete it.");
        }

        var updated = existing.DeepClone();
        BindingBuilder.MergeInto(kind.Meta(updated), kind.Spec(updated), desired);
        if (KarmadaJson.Serialize(updated) == KarmadaJson.Serialize(existing))
        {
            return BindingWriteResult.Unchanged;
        }

        written.Record(key, await _client.UpdateAsync(resource, ns, name, updated, typeInfo, cancellationToken: cancellationToken));
        return BindingWriteResult.Updated;
    }

    private async Task ReleaseAsync<T>(ResourceRef resource, Kind<T> kind, string? ns, string name, PolicyReference claim, CancellationToken cancellationToken)
        where T : class
    {
        var typeInfo = KarmadaJson.GetTypeInfo<T>();
        var existing = await GetOrNullAsync(resource, ns, name, typeInfo, cancellationToken);
        if (existing is null || !ClaimMetadata.CarriesId(kind.Meta(existing).Labels, claim))
        {
            return;
        }

        var updated = existing.DeepClone();
        if (ClaimMetadata.Release(kind.Meta(updated), claim))
        {
            await _client.UpdateAsync(resource, ns, name, updated, typeInfo, cancellationToken: cancellationToken);
        }
    }

    /// <summary>The binding informer when it has synced (the same one the scheduler and binding controllers share).</summary>
    private SharedInformer<T>? Cached<T>(ResourceRef resource, Kind<T> kind, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (_informers is null)
        {
            return null;
        }

        var informer = _informers.GetInformer(resource, typeInfo, new ObjectMetaAccessor<T>(b => kind.Meta(b).Namespace, b => kind.Meta(b).Name, b => kind.Meta(b).ResourceVersion));
        return informer.HasSynced ? informer : null;
    }

    private async Task<T?> GetOrNullAsync<T>(ResourceRef resource, string? ns, string name, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await _client.GetAsync(resource, ns, name, typeInfo, cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    private sealed record Kind<T>(Func<T, ObjectMeta> Meta, Func<T, ResourceBindingSpec> Spec, Func<T> Create);
}
