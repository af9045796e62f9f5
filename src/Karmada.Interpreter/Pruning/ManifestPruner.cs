using System.Text.Json.Nodes;
using Karmada.Interpreter.Json;

namespace Karmada.Interpreter.Pruning;

/// <summary>
/// Removes what the control plane's API server generated, or what a member cluster generates itself, before a
/// resource template goes into a Work (upstream <c>prune.RemoveIrrelevantFields</c> with <c>RemoveJobTTLSeconds</c>).
/// </summary>
public static class ManifestPruner
{
    private static readonly string[] GeneratedMetadata =
    [
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "managedFields",
        "resourceVersion", "selfLink", "uid", "ownerReferences", "finalizers",
    ];

    /// <summary>Prunes <paramref name="workload"/> in place and returns it.</summary>
    /// <param name="workload">The manifest.</param>
    /// <param name="removeJobTtl">Also drop a Job's <c>ttlSecondsAfterFinished</c>: a member's TTL controller would delete the Job and Karmada would re-create it.</param>
    public static JsonObject Prune(JsonObject workload, bool removeJobTtl = true)
    {
        ArgumentNullException.ThrowIfNull(workload);
        if (workload["metadata"] is JsonObject metadata)
        {
            foreach (var field in GeneratedMetadata)
            {
                metadata.Remove(field);
            }
        }

        workload.Remove("status");
        var kind = Unstructured.GetString(workload, "kind");
        switch (kind)
        {
            case "Deployment":
                Unstructured.Remove(workload, "metadata", "annotations", "deployment.kubernetes.io/revision");
                Unstructured.Remove(workload, "metadata", "annotations", "deployment.kubernetes.io/revision-history");
                break;
            case "Job":
                if (Unstructured.GetBool(workload, "spec", "manualSelector") != true)
                {
                    RemoveGeneratedJobSelector(workload);
                }

                if (removeJobTtl)
                {
                    Unstructured.Remove(workload, "spec", "ttlSecondsAfterFinished");
                }

                break;
            case "Secret":
                if (Unstructured.GetString(workload, "type") == "kubernetes.io/service-account-token")
                {
                    Unstructured.Remove(workload, "metadata", "annotations", "kubernetes.io/service-account.uid");
                    workload["data"] = null;
                }

                break;
            case "ServiceAccount":
                RemoveGeneratedTokenSecrets(workload);
                break;
            case "Service":
                // A headless service (clusterIP None) keeps its clusterIP; any other is allocated per cluster.
                if (Unstructured.GetString(workload, "spec", "clusterIP") is { } clusterIp && clusterIp != "None")
                {
                    Unstructured.Remove(workload, "spec", "clusterIP");
                    Unstructured.Remove(workload, "spec", "clusterIPs");
                }

                break;
            case "PersistentVolumeClaim":
                if (Unstructured.GetString(workload, "metadata", "annotations", "volume.kubernetes.io/selected-node") is { Length: > 0 })
                {
                    Unstructured.Remove(workload, "metadata", "annotations", "volume.kubernetes.io/selected-node");
                }

                break;
        }

        return workload;
    }

    private static void RemoveGeneratedJobSelector(JsonObject workload)
    {
        if (Unstructured.GetObject(workload, "spec", "selector", "matchLabels") is { } matchLabels)
        {
            matchLabels.Remove("controller-uid");
            matchLabels.Remove("batch.kubernetes.io/controller-uid");
        }

        if (Unstructured.GetObject(workload, "spec", "template", "metadata", "labels") is { } templateLabels)
        {
            templateLabels.Remove("controller-uid");
            templateLabels.Remove("job-name");
            templateLabels.Remove("batch.kubernetes.io/controller-uid");
            templateLabels.Remove("batch.kubernetes.io/job-name");
        }
    }

    // Drops the <name>-token-* secrets a member's token controller adds. Like upstream, the element after a removed
    // one is not examined (the index still advances), so two adjacent token secrets leave the second in place.
    private static void RemoveGeneratedTokenSecrets(JsonObject workload)
    {
        if (Unstructured.GetArray(workload, "secrets") is not { Count: > 0 } secrets)
        {
            return;
        }

        var prefix = Unstructured.Name(workload) + "-token-";
        for (var i = 0; i < secrets.Count; i++)
        {
            if (secrets[i] is JsonObject secret && (Unstructured.GetString(secret, "name") ?? "").StartsWith(prefix, StringComparison.Ordinal))
            {
                secrets.RemoveAt(i);
            }
        }
    }
}
