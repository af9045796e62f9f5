using System.Text.Json.Nodes;
using Karmada.Client;

namespace Karmada.Member.Simulation;

/// <summary>
/// Creates and deletes the pods of a workload controller (ReplicaSet, Job) in slow-start batches (1, 2, 4, ...) as
/// client-go's controllers do, lowering the owner's expectations for every write that did not happen.
/// </summary>
internal sealed class PodControl(KubeApiClient client, ControllerExpectations expectations)
{
    public static JsonObject NewPod(JsonObject owner, string ownerKind, string ownerApiVersion, JsonObject template, IReadOnlyDictionary<string, string> extraLabels)
    {
        var name = JsonRead.Str(owner, "metadata", "name")!;
        var labels = JsonRead.Obj(template, "metadata", "labels")?.DeepClone() as JsonObject ?? [];
        foreach (var (key, value) in extraLabels)
        {
            labels[key] = value;
        }

        var metadata = new JsonObject
        {
            ["generateName"] = name + "-",
            ["namespace"] = JsonRead.Str(owner, "metadata", "namespace"),
            ["labels"] = labels,
            ["ownerReferences"] = new JsonArray(OwnerReference(owner, ownerKind, ownerApiVersion)),
        };
        if (JsonRead.Obj(template, "metadata", "annotations") is { Count: > 0 } annotations)
        {
            metadata["annotations"] = annotations.DeepClone();
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = metadata,
            ["spec"] = JsonRead.Obj(template, "spec")?.DeepClone() ?? new JsonObject(),
        };
    }

    public Task CreateAsync(string ownerKey, Func<JsonObject> newPod, int count, CancellationToken cancellationToken) =>
        CreateAsync(ownerKey, [.. Enumerable.Range(0, count).Select(_ => newPod())], cancellationToken);

    /// <summary>The controller reference to an owner (<c>controller</c> and <c>blockOwnerDeletion</c> true).</summary>
    public static JsonObject OwnerReference(JsonObject owner, string kind, string apiVersion) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["name"] = JsonRead.Str(owner, "metadata", "name"),
        ["uid"] = JsonRead.Str(owner, "metadata", "uid"),
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };

    public async Task CreateAsync(string ownerKey, IReadOnlyList<JsonObject> pods, CancellationToken cancellationToken)
    {
        var count = pods.Count;
        expectations.ExpectCreations(ownerKey, count);
        var done = 0;
        try
        {
            for (var batch = 1; done < count; batch = Math.Min(batch * 2, 500))
            {
                var size = Math.Min(batch, count - done);
                var tasks = pods.Skip(done).Take(size).Select(pod => client.CreateAsync(SimulatedResources.Pods, pod, cancellationToken: cancellationToken)).ToList();
                try
                {
                    await Task.WhenAll(tasks);
                }
                finally
                {
                    var failed = tasks.Count(t => !t.IsCompletedSuccessfully);
                    expectations.LowerCreations(ownerKey, failed);
                    done += size;
                }
            }
        }
        finally
        {
            if (done < count)
            {
                expectations.LowerCreations(ownerKey, count - done);
            }
        }
    }

    public async Task DeleteAsync(string ownerKey, IReadOnlyList<JsonObject> pods, CancellationToken cancellationToken)
    {
        expectations.ExpectDeletions(ownerKey, pods.Select(PodUid));
        await Task.WhenAll(pods.Select(async pod =>
        {
            try
            {
                await client.DeleteAsync(SimulatedResources.Pods, JsonRead.Str(pod, "metadata", "namespace"), JsonRead.Str(pod, "metadata", "name")!, cancellationToken: cancellationToken);
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
                expectations.DeletionObserved(ownerKey, PodUid(pod));
            }
            catch
            {
                expectations.DeletionObserved(ownerKey, PodUid(pod));
                throw;
            }
        }));
    }

    /// <summary>The key a pod's deletion is expected and observed under.</summary>
    public static string PodUid(JsonObject pod) => JsonRead.Str(pod, "metadata", "uid") ?? "";

    /// <summary>The order in which surplus pods go: unscheduled, pending, not ready, then the newest first.</summary>
    public static IReadOnlyList<JsonObject> DeletionOrder(IEnumerable<JsonObject> pods) =>
        [.. pods
            .OrderBy(p => JsonRead.Str(p, "spec", "nodeName") is null ? 0 : 1)
            .ThenBy(p => JsonRead.Str(p, "status", "phase") switch { "Pending" or null => 0, "Unknown" => 1, _ => 2 })
            .ThenBy(p => JsonRead.IsPodReady(p) ? 1 : 0)
            .ThenByDescending(p => JsonRead.Str(p, "metadata", "creationTimestamp"), StringComparer.Ordinal)
            .ThenByDescending(p => JsonRead.Str(p, "metadata", "name"), StringComparer.Ordinal)];
}
