using System.Text.Json.Nodes;
using Karmada.Api.Meta;
using Karmada.Api.WellKnown;

namespace Karmada.Controllers.Detector;

/// <summary>
/// Reads and writes the claim a policy puts on a resource template and its binding (upstream <c>claim.go</c>). Writes
/// to templates are JSON merge patches carrying the resourceVersion they were computed from, so a concurrent change
/// fails them with 409 instead of being overwritten.
/// </summary>
public static class ClaimMetadata
{
    /// <summary>
    /// The policy that claims an object: a PropagationPolicy when its permanent-id label and namespace and name
    /// annotations are all set, else a ClusterPropagationPolicy when its permanent-id label and name annotation are
    /// set, else null.
    /// </summary>
    public static PolicyReference? ReadClaim(IReadOnlyDictionary<string, string>? labels, IReadOnlyDictionary<string, string>? annotations)
    {
        labels ??= new Dictionary<string, string>();
        annotations ??= new Dictionary<string, string>();
        if (NonEmpty(labels, WellKnownLabels.PropagationPolicyPermanentId) is { } ppId
            && NonEmpty(annotations, WellKnownAnnotations.PropagationPolicyNamespace) is { } ppNamespace
            && NonEmpty(annotations, WellKnownAnnotations.PropagationPolicyName) is { } ppName)
        {
            return new PolicyReference(ppNamespace, ppName, ppId);
        }

        if (NonEmpty(labels, WellKnownLabels.ClusterPropagationPolicyPermanentId) is { } cppId
            && NonEmpty(annotations, WellKnownAnnotations.ClusterPropagationPolicyName) is { } cppName)
        {
            return new PolicyReference(null, cppName, cppId);
        }

        return null;
    }

    /// <summary>The claim on an unstructured object; see <see cref="ReadClaim(IReadOnlyDictionary{string, string}?, IReadOnlyDictionary{string, string}?)"/>.</summary>
    public static PolicyReference? ReadClaim(JsonObject obj) => ReadClaim(StringMap(obj, "labels"), StringMap(obj, "annotations"));

    /// <summary>Whether the object carries exactly <paramref name="policy"/>'s claim and none of the other kind.</summary>
    public static bool IsClaimedBy(JsonObject obj, PolicyReference policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var labels = StringMap(obj, "labels") ?? [];
        var annotations = StringMap(obj, "annotations") ?? [];
        return labels.GetValueOrDefault(policy.IdLabel) == policy.PermanentId
            && policy.Annotations.All(a => annotations.GetValueOrDefault(a.Key) == a.Value)
            && !labels.ContainsKey(policy.OtherKindIdLabel)
            && !policy.OtherKindAnnotationKeys.Any(annotations.ContainsKey);
    }

    /// <summary>Whether the object's claim label still carries <paramref name="policy"/>'s permanent id (upstream <c>NeedCleanupClaimMetadata</c>).</summary>
    public static bool CarriesId(IReadOnlyDictionary<string, string>? labels, PolicyReference policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return labels is not null && labels.GetValueOrDefault(policy.IdLabel) == policy.PermanentId;
    }

    /// <summary>A merge patch claiming an object for <paramref name="policy"/> and clearing any claim of the other kind.</summary>
    public static JsonObject ClaimPatch(PolicyReference policy, string? resourceVersion)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var labels = new JsonObject { [policy.IdLabel] = policy.PermanentId, [policy.OtherKindIdLabel] = null };
        var annotations = new JsonObject();
        foreach (var (key, value) in policy.Annotations)
        {
            annotations[key] = value;
        }

        foreach (var key in policy.OtherKindAnnotationKeys)
        {
            annotations[key] = null;
        }

        return MetadataPatch(labels, annotations, resourceVersion);
    }

    /// <summary>A merge patch removing <paramref name="policy"/>'s kind of claim from an object.</summary>
    public static JsonObject ReleasePatch(PolicyReference policy, string? resourceVersion)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var annotations = new JsonObject();
        foreach (var (key, _) in policy.Annotations)
        {
            annotations[key] = null;
        }

        return MetadataPatch(new JsonObject { [policy.IdLabel] = null }, annotations, resourceVersion);
    }

    /// <summary>Puts <paramref name="policy"/>'s claim on typed metadata (a binding), clearing the other kind's.</summary>
    public static void Claim(ObjectMeta meta, PolicyReference policy)
    {
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(policy);
        meta.Labels[policy.IdLabel] = policy.PermanentId;
        meta.Labels.Remove(policy.OtherKindIdLabel);
        foreach (var (key, value) in policy.Annotations)
        {
            meta.Annotations[key] = value;
        }

        foreach (var key in policy.OtherKindAnnotationKeys)
        {
            meta.Annotations.Remove(key);
        }
    }

    /// <summary>Removes <paramref name="policy"/>'s kind of claim from typed metadata; false when there was none.</summary>
    public static bool Release(ObjectMeta meta, PolicyReference policy)
    {
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(policy);
        var changed = meta.Labels.Remove(policy.IdLabel);
        foreach (var (key, _) in policy.Annotations)
        {
            changed |= meta.Annotations.Remove(key);
        }

        return changed;
    }

    /// <summary>A string map under <c>metadata</c> (<c>labels</c> or <c>annotations</c>), or null.</summary>
    public static Dictionary<string, string>? StringMap(JsonObject obj, string field)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj["metadata"]?[field] is not JsonObject map)
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            if (value is JsonValue text && text.TryGetValue<string>(out var s))
            {
                result[key] = s;
            }
        }

        return result;
    }

    private static JsonObject MetadataPatch(JsonObject labels, JsonObject annotations, string? resourceVersion)
    {
        var metadata = new JsonObject { ["labels"] = labels, ["annotations"] = annotations };
        if (!string.IsNullOrEmpty(resourceVersion))
        {
            metadata["resourceVersion"] = resourceVersion;
        }

        return new JsonObject { ["metadata"] = metadata };
    }

    private static string? NonEmpty(IReadOnlyDictionary<string, string> map, string key) =>
        map.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
