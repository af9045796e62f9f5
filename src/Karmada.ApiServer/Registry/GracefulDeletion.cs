using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.ApiServer.Resources;

namespace Karmada.ApiServer.Registry;

/// <summary>What a DELETE does to an object's grace period.</summary>
public enum GracefulDeletionOutcome
{
    /// <summary>No grace period: delete now (or, with finalizers, mark terminating with grace 0).</summary>
    Immediate,

    /// <summary>The grace period started or was shortened: <c>deletionTimestamp</c>/<c>deletionGracePeriodSeconds</c> were set; keep the object.</summary>
    Started,

    /// <summary>Already terminating with a grace period no longer than asked: nothing to change, keep the object.</summary>
    Pending,
}

/// <summary>
/// kube-apiserver's <c>rest.BeforeDelete</c> with the pod strategy's <c>CheckGracefulDelete</c>, the only built-in
/// graceful resource: a pod bound to a node is not removed by DELETE but marked with <c>deletionTimestamp</c> (now +
/// grace) and <c>deletionGracePeriodSeconds</c> (the request's <c>gracePeriodSeconds</c>, else the pod's
/// <c>terminationGracePeriodSeconds</c>, else 30) for its kubelet to stop it and delete it again with grace 0. Unbound
/// or finished pods, and grace 0, are deleted at once; a second DELETE may only shorten the grace period.
/// </summary>
public static class GracefulDeletion
{
    /// <summary>Kubernetes' default <c>terminationGracePeriodSeconds</c>.</summary>
    public const long DefaultPodGracePeriodSeconds = 30;

    /// <summary>Applies the grace period decision to <paramref name="obj"/> (its metadata is changed when <see cref="GracefulDeletionOutcome.Started"/>).</summary>
    public static GracefulDeletionOutcome Apply(ResourceDefinition resource, JsonObject obj, long? requestedSeconds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(obj);
        if (resource.Group.Length != 0 || resource.Plural != "pods" || obj["metadata"] is not JsonObject metadata)
        {
            return GracefulDeletionOutcome.Immediate;
        }

        if (metadata["deletionTimestamp"] is { } deletionTimestamp)
        {
            var existing = Long(metadata["deletionGracePeriodSeconds"]) ?? 0;
            if (existing == 0)
            {
                return GracefulDeletionOutcome.Immediate;
            }

            if (requestedSeconds is not { } shorter || shorter >= existing)
            {
                return GracefulDeletionOutcome.Pending;
            }

            if (shorter <= 0)
            {
                return GracefulDeletionOutcome.Immediate;
            }

            var started = DateTimeOffset.Parse((string?)deletionTimestamp ?? "", CultureInfo.InvariantCulture).AddSeconds(-existing);
            metadata["deletionTimestamp"] = Format(started.AddSeconds(shorter));
            metadata["deletionGracePeriodSeconds"] = shorter;
            return GracefulDeletionOutcome.Started;
        }

        var period = PodGracePeriodSeconds(obj, requestedSeconds);
        if (period <= 0)
        {
            return GracefulDeletionOutcome.Immediate;
        }

        metadata["deletionTimestamp"] = Format(now.AddSeconds(period));
        metadata["deletionGracePeriodSeconds"] = period;
        if (metadata["generation"] is not null)
        {
            metadata["generation"] = (Long(metadata["generation"]) ?? 0) + 1;
        }

        return GracefulDeletionOutcome.Started;
    }

    /// <summary>
    /// Whether an update that leaves a terminating object without finalizers removes it: only once its grace period is
    /// over (<c>deletionGracePeriodSeconds</c> 0 or absent), as kube-apiserver's <c>ShouldDeleteDuringUpdate</c>.
    /// </summary>
    public static bool GraceElapsed(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return (Long(obj["metadata"]?["deletionGracePeriodSeconds"]) ?? 0) == 0;
    }

    /// <summary>The pod strategy's <c>CheckGracefulDelete</c>.</summary>
    public static long PodGracePeriodSeconds(JsonObject pod, long? requestedSeconds)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var period = requestedSeconds ?? Long(pod["spec"]?["terminationGracePeriodSeconds"]) ?? DefaultPodGracePeriodSeconds;
        if (string.IsNullOrEmpty((string?)pod["spec"]?["nodeName"]))
        {
            return 0;
        }

        return (string?)pod["status"]?["phase"] is "Succeeded" or "Failed" ? 0 : Math.Max(0, period);
    }

    // Numbers set in code are ints, parsed ones JSON elements: read either.
    private static long? Long(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<long>(out var l) ? l : value.TryGetValue<int>(out var i) ? i : null
        : null;

    private static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
