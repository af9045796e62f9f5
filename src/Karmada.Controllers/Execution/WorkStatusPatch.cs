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

    /// <summary>Whether two manifest status lists say the same (compared as JSON, in order).</summary>
    public static bool SameStatuses(IReadOnlyList<WorkV1Alpha1.ManifestStatus> current, IReadOnlyList<WorkV1Alpha1.ManifestStatus> desired)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        return current.Count == desired.Count
            && KarmadaJson.Serialize(new WorkV1Alpha1.WorkStatus { ManifestStatuses = [.. current] })
                == KarmadaJson.Serialize(new WorkV1Alpha1.WorkStatus { ManifestStatuses = [.. desired] });
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
            status["conditions"] = KarmadaJson.SerializeToNode(new WorkV1Alpha1.WorkStatus { Conditions = [.. conditions] })?["conditions"]?.DeepClone() ?? new JsonArray();
        }

        if (manifestStatuses is not null)
        {
            status["manifestStatuses"] = KarmadaJson.SerializeToNode(new WorkV1Alpha1.WorkStatus { ManifestStatuses = [.. manifestStatuses] })?["manifestStatuses"]?.DeepClone() ?? new JsonArray();
        }

        var patch = new JsonObject { ["status"] = status };
        if (resourceVersion is not null)
        {
            patch["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion };
        }

        return patch;
    }
}
