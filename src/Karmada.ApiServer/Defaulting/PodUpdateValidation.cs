using System.Text.Json.Nodes;
using Karmada.ApiServer.Admission;

namespace Karmada.ApiServer.Defaulting;

/// <summary>
/// The spec rules of upstream's <c>ValidatePodUpdate</c> (<c>pkg/apis/core/validation</c>): a pod's spec is fixed once
/// created except container and init-container images, a lowered <c>activeDeadlineSeconds</c>, added tolerations,
/// removed scheduling gates, and a negative <c>terminationGracePeriodSeconds</c> raised to 1. <c>spec.nodeName</c> is
/// set only through <c>pods/binding</c>.
/// </summary>
public static class PodUpdateValidation
{
    private const string UpdatableFields =
        "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),"
        + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

    public static void Validate(JsonObject oldPod, JsonObject newPod, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(oldPod);
        ArgumentNullException.ThrowIfNull(newPod);
        ArgumentNullException.ThrowIfNull(errors);
        var oldSpec = oldPod["spec"] as JsonObject ?? [];
        var newSpec = newPod["spec"] as JsonObject ?? [];
        if (JsonNode.DeepEquals(oldSpec, newSpec))
        {
            return;
        }

        foreach (var list in new[] { "containers", "initContainers" })
        {
            if (Count(newSpec[list]) != Count(oldSpec[list]))
            {
                errors.Forbidden("spec." + list, "pod updates may not add or remove containers");
                return;
            }
        }

        if (!ValidDeadline(oldSpec["activeDeadlineSeconds"], newSpec["activeDeadlineSeconds"], errors))
        {
            return;
        }

        CheckOnlyAddedTolerations(oldSpec["tolerations"] as JsonArray, newSpec["tolerations"] as JsonArray, errors);
        CheckOnlyRemovedGates(oldSpec["schedulingGates"] as JsonArray, newSpec["schedulingGates"] as JsonArray, errors);

        var munged = newSpec.DeepClone().AsObject();
        foreach (var list in new[] { "containers", "initContainers" })
        {
            var oldContainers = oldSpec[list] as JsonArray;
            var mungedContainers = munged[list] as JsonArray;
            for (var i = 0; i < (mungedContainers?.Count ?? 0); i++)
            {
                if (mungedContainers![i] is JsonObject container)
                {
                    Copy(oldContainers?[i] as JsonObject, container, "image");
                }
            }
        }

        Copy(oldSpec, munged, "activeDeadlineSeconds");
        Copy(oldSpec, munged, "schedulingGates");
        Copy(oldSpec, munged, "tolerations");
        if (Long(oldSpec["terminationGracePeriodSeconds"]) < 0 && Long(munged["terminationGracePeriodSeconds"]) == 1)
        {
            Copy(oldSpec, munged, "terminationGracePeriodSeconds");
        }

        if (oldSpec["schedulingGates"] is JsonArray { Count: > 0 })
        {
            // A gated pod may still gain node selectors and change its node affinity (upstream checks the
            // selectors only grow; that refinement is not made here).
            Copy(oldSpec, munged, "nodeSelector");
            Copy(oldSpec, munged, "affinity");
        }

        if (!JsonNode.DeepEquals(munged, oldSpec))
        {
            // Upstream appends a Go cmp.Diff of the two specs; the changed fields stand in for it.
            var changed = munged.Select(p => p.Key).Union(oldSpec.Select(p => p.Key))
                .Where(k => !JsonNode.DeepEquals(munged[k], oldSpec[k]))
                .Select(k => "spec." + k);
            errors.Forbidden("spec", $"pod updates may not change fields other than {UpdatableFields}\n  changed: {string.Join(", ", changed)}");
        }
    }

    private static bool ValidDeadline(JsonNode? oldValue, JsonNode? newValue, FieldErrors errors)
    {
        if (Long(newValue) is { } deadline)
        {
            if (deadline is < 0 or > int.MaxValue)
            {
                errors.Invalid("spec.activeDeadlineSeconds", deadline, $"must be between 0 and {int.MaxValue}, inclusive");
                return false;
            }

            if (Long(oldValue) is { } previous && previous < deadline)
            {
                errors.Invalid("spec.activeDeadlineSeconds", deadline, "must be less than or equal to previous value");
                return false;
            }
        }
        else if (oldValue is not null)
        {
            errors.Invalid("spec.activeDeadlineSeconds", null, "must not update from a positive integer to nil value");
        }

        return true;
    }

    /// <summary>Every existing toleration stays (upstream lets only its tolerationSeconds change).</summary>
    private static void CheckOnlyAddedTolerations(JsonArray? oldTolerations, JsonArray? newTolerations, FieldErrors errors)
    {
        var kept = (newTolerations ?? []).OfType<JsonObject>().Select(WithoutSeconds).ToList();
        var index = 0;
        foreach (var toleration in (oldTolerations ?? []).OfType<JsonObject>())
        {
            if (!kept.Any(t => JsonNode.DeepEquals(t, WithoutSeconds(toleration))))
            {
                errors.Forbidden($"spec.tolerations[{index}]", "existing toleration can not be modified except its tolerationSeconds");
            }

            index++;
        }

        static JsonObject WithoutSeconds(JsonObject toleration)
        {
            var copy = toleration.DeepClone().AsObject();
            copy.Remove("tolerationSeconds");
            return copy;
        }
    }

    private static void CheckOnlyRemovedGates(JsonArray? oldGates, JsonArray? newGates, FieldErrors errors)
    {
        var existing = (oldGates ?? []).Select(g => (string?)g?["name"]).ToHashSet(StringComparer.Ordinal);
        foreach (var name in (newGates ?? []).Select(g => (string?)g?["name"]))
        {
            if (!existing.Contains(name))
            {
                errors.Forbidden("spec.schedulingGates", $"only deletion is allowed, but found new scheduling gate '{name}'");
            }
        }
    }

    private static int Count(JsonNode? list) => list is JsonArray array ? array.Count : 0;

    private static long? Long(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<long>(out var number) ? number : value.TryGetValue<int>(out var small) ? small : null
        : null;

    private static void Copy(JsonObject? from, JsonObject to, string field)
    {
        if (from?[field] is { } value)
        {
            to[field] = value.DeepClone();
        }
        else
        {
            to.Remove(field);
        }
    }
}
