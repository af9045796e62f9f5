using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;
using Karmada.Client;
using Karmada.Client.Informers;
using Karmada.Policy.Selection;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Controllers.Detector;

/// <summary>
/// The resources the detector watches and their shared informers, each indexed by the permanent ids of the policies
/// claiming its objects, so a policy's templates are found without scanning every cache.
/// </summary>
public sealed class TemplateInformers
{
    /// <summary>Index of template informers: permanent id of the claiming PropagationPolicy or ClusterPropagationPolicy.</summary>
    public const string ClaimIndex = "detector.karmada.io/claimed-by-policy";

    private readonly Lock _gate = new();
    private readonly Dictionary<ResourceRef, (TemplateResource Resource, SharedInformer<JsonObject> Informer)> _watched = [];
    private bool _discovered;

    /// <summary>
    /// Whether discovery has run at least once and every watched informer has synced: until then a lookup by claim
    /// may miss templates, so deleting policies wait.
    /// </summary>
    public bool IsReady
    {
        get
        {
            lock (_gate)
            {
                return _discovered && _watched.Values.All(w => w.Informer.HasSynced);
            }
        }
    }

    /// <summary>Records that a discovery pass completed.</summary>
    public void MarkDiscovered()
    {
        lock (_gate)
        {
            _discovered = true;
        }
    }

    /// <summary>Forgets every watched resource (the detector stopped; a later start registers its handlers again).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _watched.Clear();
            _discovered = false;
        }
    }

    /// <summary>Whether <paramref name="resource"/> is watched already.</summary>
    public bool Contains(ResourceRef resource)
    {
        lock (_gate)
        {
            return _watched.ContainsKey(resource);
        }
    }

    /// <summary>Adds a watched resource, giving its informer the claim index.</summary>
    public void Add(TemplateResource resource, SharedInformer<JsonObject> informer)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(informer);
        try
        {
            informer.Indexer.AddIndex(ClaimIndex, ClaimIds);
        }
        catch (InvalidOperationException) when (informer.Indexer.HasIndex(ClaimIndex))
        {
            // The informer is shared: a previous term of this detector indexed it already.
        }

        lock (_gate)
        {
            _watched[resource.Resource] = (resource, informer);
        }
    }

    /// <summary>Every watched resource with its informer.</summary>
    public IReadOnlyList<(TemplateResource Resource, SharedInformer<JsonObject> Informer)> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _watched.Values];
            }
        }
    }

    /// <summary>The informer of a watched resource, or null.</summary>
    public SharedInformer<JsonObject>? Find(ResourceRef resource)
    {
        lock (_gate)
        {
            return _watched.TryGetValue(resource, out var watched) ? watched.Informer : null;
        }
    }

    /// <summary>The watched templates whose claim label carries <paramref name="permanentId"/>.</summary>
    public IReadOnlyList<TemplateKey> ClaimedBy(string permanentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(permanentId);
        return [.. All.SelectMany(w => w.Informer.Indexer.ByIndex(ClaimIndex, permanentId).Select(o => KeyOf(w.Resource, o)))];
    }

    /// <summary>
    /// The watched templates any of <paramref name="selectors"/> matches, limited to <paramref name="policyNamespace"/>
    /// for a PropagationPolicy (null for a ClusterPropagationPolicy).
    /// </summary>
    public IReadOnlyList<TemplateKey> SelectedBy(IReadOnlyCollection<PolicyV1Alpha1.ResourceSelector> selectors, string? policyNamespace)
    {
        ArgumentNullException.ThrowIfNull(selectors);
        var result = new List<TemplateKey>();
        foreach (var (resource, informer) in All)
        {
            var relevant = selectors.Where(s => s.ApiVersion == resource.ApiVersion && s.Kind == resource.Kind).ToList();
            if (relevant.Count == 0)
            {
                continue;
            }

            foreach (var obj in informer.Indexer.List())
            {
                if (policyNamespace is not null && JsonObjectMeta.GetNamespace(obj) != policyNamespace)
                {
                    continue;
                }

                if (ResourceSelectorMatcher.ResourceMatchSelectors(WithTypeMeta(obj, resource), relevant))
                {
                    result.Add(KeyOf(resource, obj));
                }
            }
        }

        return result;
    }

    /// <summary>The queue key of a cached template.</summary>
    public static TemplateKey KeyOf(TemplateResource resource, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var ns = JsonObjectMeta.GetNamespace(obj);
        return new TemplateKey(resource, string.IsNullOrEmpty(ns) ? null : ns, JsonObjectMeta.GetName(obj) ?? string.Empty);
    }

    /// <summary>
    /// The object with <c>apiVersion</c> and <c>kind</c> of its resource (selectors match on them), cloned only when
    /// they are missing.
    /// </summary>
    public static JsonObject WithTypeMeta(JsonObject obj, TemplateResource resource)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(resource);
        if (TemplateFields.ApiVersion(obj) == resource.ApiVersion && TemplateFields.Kind(obj) == resource.Kind)
        {
            return obj;
        }

        var copy = ObjectCloner.DeepClone(obj);
        copy["apiVersion"] = resource.ApiVersion;
        copy["kind"] = resource.Kind;
        return copy;
    }

    private static IEnumerable<string> ClaimIds(JsonObject obj)
    {
        if (JsonObjectMeta.GetLabel(obj, WellKnownLabels.PropagationPolicyPermanentId) is { Length: > 0 } ppId)
        {
            yield return ppId;
        }

        if (JsonObjectMeta.GetLabel(obj, WellKnownLabels.ClusterPropagationPolicyPermanentId) is { Length: > 0 } cppId)
        {
            yield return cppId;
        }
    }
}
