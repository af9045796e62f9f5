using System.Globalization;
using System.Text.Json.Nodes;

namespace Karmada.Member.Simulation;

/// <summary>
/// The annotations kube's Deployment controller keeps on a Deployment and its ReplicaSets
/// (<c>pkg/controller/deployment/util/deployment_util.go</c>), which <c>kubectl rollout history|status|undo</c> read:
/// each ReplicaSet's revision (a new one gets the highest old revision + 1, a rolled-back one moves up and remembers
/// its earlier numbers in <c>revision-history</c>), the Deployment's own annotations copied onto its ReplicaSets, and
/// the desired and maximum replica counts the ReplicaSet was last scaled for. The Deployment's revision follows its
/// newest ReplicaSet.
/// </summary>
internal static class DeploymentRevisions
{
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    public const string RevisionHistoryAnnotation = "deployment.kubernetes.io/revision-history";
    public const string DesiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas";
    public const string MaxReplicasAnnotation = "deployment.kubernetes.io/max-replicas";

    // Upstream's maxRevHistoryLengthInChars.
    private const int MaxHistoryChars = 2000;

    // Never copied from the Deployment: the controller owns them on each object (and kubectl's apply record is per object).
    private static readonly HashSet<string> NotCopied = new(StringComparer.Ordinal)
    {
        "kubectl.kubernetes.io/last-applied-configuration",
        RevisionAnnotation,
        RevisionHistoryAnnotation,
        DesiredReplicasAnnotation,
        MaxReplicasAnnotation,
        "deprecated.deployment.rollback.to",
    };

    /// <summary>A ReplicaSet's revision; 0 when it has none (or not a number).</summary>
    public static long Revision(JsonObject rs) =>
        long.TryParse(JsonRead.Str(rs, "metadata", "annotations", RevisionAnnotation), NumberStyles.Integer, CultureInfo.InvariantCulture, out var revision) ? revision : 0;

    /// <summary>The revision a new (or newly current) ReplicaSet takes.</summary>
    public static long Next(IEnumerable<JsonObject> oldReplicaSets) => oldReplicaSets.Select(Revision).DefaultIfEmpty(0).Max() + 1;

    /// <summary>
    /// Upstream's <c>SetNewReplicaSetAnnotations</c> on the new ReplicaSet's <paramref name="annotations"/> (in place):
    /// the Deployment's annotations, the revision raised to <paramref name="newRevision"/> (recording the old one in
    /// the history), and for a ReplicaSet about to be created the replica annotations. True when anything changed.
    /// </summary>
    public static bool SetNewReplicaSetAnnotations(JsonObject deployment, JsonObject annotations, long newRevision, bool exists, int desiredReplicas, int maxReplicas)
    {
        var changed = false;
        foreach (var (key, value) in JsonRead.StringMap(deployment, "metadata", "annotations"))
        {
            if (!NotCopied.Contains(key) && (string?)annotations[key] != value)
            {
                annotations[key] = value;
                changed = true;
            }
        }

        var oldText = (string?)annotations[RevisionAnnotation];
        if (!long.TryParse(oldText ?? "0", NumberStyles.Integer, CultureInfo.InvariantCulture, out var oldRevision))
        {
            return changed;
        }

        if (oldRevision < newRevision)
        {
            annotations[RevisionAnnotation] = newRevision.ToString(CultureInfo.InvariantCulture);
            changed = true;
            if (oldText is not null)
            {
                AppendHistory(annotations, oldText);
            }
        }

        if (!exists)
        {
            changed |= SetReplicasAnnotations(annotations, desiredReplicas, maxReplicas);
        }

        return changed;
    }

    /// <summary>Upstream's <c>SetReplicasAnnotations</c>: true when either count changed.</summary>
    public static bool SetReplicasAnnotations(JsonObject annotations, int desiredReplicas, int maxReplicas)
    {
        var changed = false;
        foreach (var (key, count) in new[] { (DesiredReplicasAnnotation, desiredReplicas), (MaxReplicasAnnotation, maxReplicas) })
        {
            var text = count.ToString(CultureInfo.InvariantCulture);
            if ((string?)annotations[key] != text)
            {
                annotations[key] = text;
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>Whether scaling the ReplicaSet would also have to update its replica annotations.</summary>
    public static bool ReplicasAnnotationsNeedUpdate(JsonObject rs, int desiredReplicas, int maxReplicas) =>
        JsonRead.Str(rs, "metadata", "annotations", DesiredReplicasAnnotation) != desiredReplicas.ToString(CultureInfo.InvariantCulture)
        || JsonRead.Str(rs, "metadata", "annotations", MaxReplicasAnnotation) != maxReplicas.ToString(CultureInfo.InvariantCulture);

    /// <summary>Upstream appends the superseded revision, dropping the oldest entries beyond 2,000 characters.</summary>
    private static void AppendHistory(JsonObject annotations, string oldRevision)
    {
        var history = (string?)annotations[RevisionHistoryAnnotation] ?? "";
        if (history.Length == 0)
        {
            annotations[RevisionHistoryAnnotation] = oldRevision;
            return;
        }

        var entries = history.Split(',').ToList();
        var total = history.Length + oldRevision.Length + 1;
        var start = 0;
        while (total > MaxHistoryChars && start < entries.Count)
        {
            total -= entries[start].Length + 1;
            start++;
        }

        if (total <= MaxHistoryChars)
        {
            annotations[RevisionHistoryAnnotation] = string.Join(',', entries.Skip(start).Append(oldRevision));
        }
    }
}
