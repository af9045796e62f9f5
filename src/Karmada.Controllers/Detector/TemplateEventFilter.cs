using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Karmada.Api.WellKnown;

namespace Karmada.Controllers.Detector;

/// <summary>
/// Which template events reach the detector's queue (upstream <c>ResourceDetector.EventFilter</c> and
/// <c>eventfilter.SpecificationChanged</c>): nothing from Karmada's reserved namespaces or the skipped ones (default
/// <c>kube-.*</c>), not kube-apiserver's <c>kube-system/extension-apiserver-authentication</c> ConfigMap, and an update
/// only when more than status, managed fields or the resourceVersion changed.
/// </summary>
public sealed class TemplateEventFilter
{
    private readonly IReadOnlyList<Regex> _skippedNamespaces;

    /// <summary>Creates the filter; each pattern must match a whole namespace name, as Go's anchored flag patterns do.</summary>
    public TemplateEventFilter(IEnumerable<string> skippedNamespacePatterns)
    {
        ArgumentNullException.ThrowIfNull(skippedNamespacePatterns);
        _skippedNamespaces = [.. skippedNamespacePatterns.Select(p => new Regex($"^(?:{p})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))];
    }

    /// <summary>Whether the detector looks at templates of <paramref name="kind"/> named <paramref name="name"/> in <paramref name="namespace"/>.</summary>
    public bool Accepts(string? @namespace, string kind, string name)
    {
        if (string.IsNullOrEmpty(@namespace))
        {
            return true;
        }

        if (ReservedNamespaces.IsReserved(@namespace) || _skippedNamespaces.Any(r => r.IsMatch(@namespace)))
        {
            return false;
        }

        return !(@namespace == "kube-system" && kind == "ConfigMap" && name == "extension-apiserver-authentication");
    }

    /// <summary>Whether an update changed the template's specification (anything but status, managed fields and resourceVersion).</summary>
    public static bool SpecificationChanged(JsonObject oldObj, JsonObject newObj)
    {
        ArgumentNullException.ThrowIfNull(oldObj);
        ArgumentNullException.ThrowIfNull(newObj);
        return !JsonNode.DeepEquals(WithoutIgnoredFields(oldObj), WithoutIgnoredFields(newObj));
    }

    /// <summary>
    /// Whether an update only put a policy's claim on a template that had none: the detector's own claim write, whose
    /// reconcile goes on to write the binding from the claimed copy. Reconciling its echo as well cost a second
    /// reconcile per template and, with the binding not yet in the cache, a create refused as AlreadyExists and a
    /// read. A failed binding write is retried by that reconcile's own requeue.
    /// </summary>
    public static bool OnlyClaimAdded(JsonObject oldObj, JsonObject newObj)
    {
        ArgumentNullException.ThrowIfNull(oldObj);
        ArgumentNullException.ThrowIfNull(newObj);
        if (ClaimMetadata.ReadClaim(oldObj) is not null || ClaimMetadata.ReadClaim(newObj) is null)
        {
            return false;
        }

        return JsonNode.DeepEquals(WithoutClaim(WithoutIgnoredFields(oldObj)), WithoutClaim(WithoutIgnoredFields(newObj)));
    }

    private static JsonObject WithoutClaim(JsonObject copy)
    {
        if (copy["metadata"] is JsonObject metadata)
        {
            RemoveKeys(metadata, "labels", WellKnownLabels.PropagationPolicyPermanentId, WellKnownLabels.ClusterPropagationPolicyPermanentId);
            RemoveKeys(metadata, "annotations", WellKnownAnnotations.PropagationPolicyNamespace, WellKnownAnnotations.PropagationPolicyName, WellKnownAnnotations.ClusterPropagationPolicyName);
        }

        return copy;
    }

    // An emptied map is dropped, so a claim that created the map compares equal to no map.
    private static void RemoveKeys(JsonObject metadata, string field, params string[] keys)
    {
        if (metadata[field] is not JsonObject map)
        {
            return;
        }

        foreach (var key in keys)
        {
            map.Remove(key);
        }

        if (map.Count == 0)
        {
            metadata.Remove(field);
        }
    }

    private static JsonObject WithoutIgnoredFields(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            metadata.Remove("managedFields");
            metadata.Remove("resourceVersion");
        }

        return copy;
    }
}
