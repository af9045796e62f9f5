using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Meta;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Execution;

/// <summary>
/// The Work status writes of the execution and workStatus controllers as JSON merge patches of the fields each one
/// owns: the execution controller the conditions, the workStatus controller the manifest statuses. A full status
/// update made each controller's write conflict with the other's (two writers of one Work within milliseconds),
/// and every conflict cost a whole reconcile again. The execution controller also reflects the member objects it
/// has just written, so the Applied condition and the first status land in one write; that part carries the Work's
/// resourceVersion as a precondition, so it never overwrites statuses the workStatus controller wrote meanwhile.
/// </summary>
public static class WorkStatusPatch
{
    /// <summary>
    /// <paramref name="current"/> with the entries of <paramref name="fresh"/> (by manifest ordinal) put in place,
    /// ordered by ordinal; entries of other manifests are kept as they are.
    /// </summary>
    public static List<WorkV1Alpha1.ManifestStatus> Merge(IReadOnlyList<WorkV1Alpha1.ManifestStatus> current, IReadOnlyDictionary<int, WorkV1Alpha1.ManifestStatus> fresh)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(fresh);
        var merged = current.Where(s => !fresh.ContainsKey(s.Identifier.Ordinal)).Concat(fresh.Values).ToList();
        merged.Sort((a, b) => a.Identifier.Ordinal.CompareTo(b.Identifier.Ordinal));
        return merged;
    }

    /// <summary>
    /// Whether two manifest status lists say the same, in order: field by field as they serialize (omitted-when-empty
    /// strings compare equal to null), reflected statuses as JSON. Serializing both lists per reconcile to compare the
    /// text cost the workStatus controller more than building the statuses did.
    /// </summary>
    public static bool SameStatuses(IReadOnlyList<WorkV1Alpha1.ManifestStatus> current, IReadOnlyList<WorkV1Alpha1.ManifestStatus> desired)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        if (current.Count != desired.Count)
        {
            return false;
        }

        for (var i = 0; i < current.Count; i++)
        {
            if (!SameStatus(current[i], desired[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether two manifest statuses serialize to the same JSON document.</summary>
    public static bool SameStatus(WorkV1Alpha1.ManifestStatus a, WorkV1Alpha1.ManifestStatus b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (x, y) = (a.Identifier, b.Identifier);
        return x.Ordinal == y.Ordinal
            && string.Equals(x.Group ?? "", y.Group ?? "", StringComparison.Ordinal)
            && string.Equals(x.Version, y.Version, StringComparison.Ordinal)
            && string.Equals(x.Kind, y.Kind, StringComparison.Ordinal)
            && string.Equals(x.Resource, y.Resource, StringComparison.Ordinal)
            && string.Equals(x.Namespace ?? "", y.Namespace ?? "", StringComparison.Ordinal)
            && string.Equals(x.Name, y.Name, StringComparison.Ordinal)
            && a.Health == b.Health
            && JsonNode.DeepEquals(a.Status, b.Status);
    }

    /// <summary>
    /// A merge patch of the status subresource setting the given parts (null: left alone); with
    /// <paramref name="resourceVersion"/>, the write fails with 409 if the Work changed since.
    /// </summary>
    public static JsonObject Build(IReadOnlyList<Condition>? conditions, IReadOnlyList<WorkV1Alpha1.ManifestStatus>? manifestStatuses, string? resourceVersion = null)
    {
        var status = new JsonObject();
        if (conditions is not null)
        {
            status["conditions"] = KarmadaJson.SerializeToNode(conditions as List<Condition> ?? [.. conditions]) ?? new JsonArray();
        }

        if (manifestStatuses is not null)
        {
            status["manifestStatuses"] = KarmadaJson.SerializeToNode(manifestStatuses as List<WorkV1Alpha1.ManifestStatus> ?? [.. manifestStatuses]) ?? new JsonArray();
        }

        var patch = new JsonObject { ["status"] = status };
        if (resourceVersion is not null)
        {
            patch["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion };
        }

        return patch;
    }
}
