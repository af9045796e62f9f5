using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Client.Informers;

namespace Karmada.Member.Simulation;

/// <summary>
/// The ControllerRevision history of a StatefulSet or DaemonSet (<c>controller_history.go</c>): one revision per pod
/// template, named <c>OWNER-HASH</c>, holding the template as a replace patch so pods of an older revision can still be
/// recreated from it, numbered in order and pruned beyond <c>revisionHistoryLimit</c>.
/// </summary>
internal sealed class ControllerRevisions(KubeApiClient client, SharedInformer<JsonObject> revisions)
{
    public const string HashLabel = "controller-revision-hash";

    /// <summary>The template hash apps controllers label their revisions and pods with.</summary>
    public static string Hash(JsonObject? template) => DeploymentController.TemplateHash(template);

    public static string RevisionName(string owner, string hash) => $"{owner}-{hash}";

    /// <summary>The revisions controlled by the owner, oldest first.</summary>
    public IReadOnlyList<JsonObject> Owned(JsonObject owner, string kind)
    {
        var uid = JsonRead.Str(owner, "metadata", "uid") ?? "";
        return [.. revisions.Indexer.ByIndex(JsonIndexers.OwnerUidIndex, uid)
            .Where(r => JsonRead.ControllerUid(r, kind) == uid)
            .OrderBy(r => JsonRead.Long(r, "revision") ?? 0)];
    }

    /// <summary>The pod template stored in a revision, or null when the revision is unknown.</summary>
    public static JsonObject? Template(IEnumerable<JsonObject> owned, string revisionName)
    {
        var revision = owned.FirstOrDefault(r => JsonRead.Str(r, "metadata", "name") == revisionName);
        if (JsonRead.Obj(revision, "data", "spec", "template")?.DeepClone() is not JsonObject template)
        {
            return null;
        }

        template.Remove("$patch");
        return template;
    }

    /// <summary>Makes sure the revision of the owner's current template exists; returns its name.</summary>
    public async Task<string> EnsureAsync(JsonObject owner, string kind, string apiVersion, IReadOnlyList<JsonObject> owned, CancellationToken cancellationToken)
    {
        var template = JsonRead.Obj(owner, "spec", "template") ?? [];
        var hash = Hash(template);
        var name = RevisionName(JsonRead.Str(owner, "metadata", "name")!, hash);
        var latest = owned.Count == 0 ? 0 : owned.Max(r => JsonRead.Long(r, "revision") ?? 0);
        var existing = owned.FirstOrDefault(r => JsonRead.Str(r, "metadata", "name") == name);
        if (existing is not null && (JsonRead.Long(existing, "revision") ?? 0) == latest)
        {
            return name;
        }

        if (existing is not null)
        {
            // Rolling back to an older template makes its revision the newest again.
            var renumbered = ObjectCloner.DeepClone(existing);
            renumbered["revision"] = latest + 1;
            await IgnoreMissingAsync(() => client.UpdateAsync(SimulatedResources.ControllerRevisions, renumbered, cancellationToken: cancellationToken));
            return name;
        }

        var data = (JsonObject)template.DeepClone();
        data["$patch"] = "replace";
        var labels = JsonRead.Obj(template, "metadata", "labels")?.DeepClone() as JsonObject ?? [];
        labels[HashLabel] = hash;
        var revision = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ControllerRevision",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = JsonRead.Str(owner, "metadata", "namespace"),
                ["labels"] = labels,
                ["ownerReferences"] = new JsonArray(PodControl.OwnerReference(owner, kind, apiVersion)),
            },
            ["data"] = new JsonObject { ["spec"] = new JsonObject { ["template"] = data } },
            ["revision"] = latest + 1,
        };
        try
        {
            await client.CreateAsync(SimulatedResources.ControllerRevisions, revision, cancellationToken: cancellationToken);
        }
        catch (ApiException ex) when (ex.IsAlreadyExists())
        {
        }

        return name;
    }

    /// <summary>Deletes the oldest revisions no pod uses beyond <c>spec.revisionHistoryLimit</c>.</summary>
    public async Task PruneAsync(JsonObject owner, IReadOnlyList<JsonObject> owned, IReadOnlySet<string> inUse, CancellationToken cancellationToken)
    {
        var limit = (int)(JsonRead.Long(owner, "spec", "revisionHistoryLimit") ?? 10);
        var unused = owned.Where(r => !inUse.Contains(JsonRead.Str(r, "metadata", "name") ?? "")).ToList();
        foreach (var revision in unused.Take(Math.Max(0, unused.Count - limit)))
        {
            await IgnoreMissingAsync(() => client.DeleteAsync(SimulatedResources.ControllerRevisions, JsonRead.Str(revision, "metadata", "namespace"), JsonRead.Str(revision, "metadata", "name")!, cancellationToken: cancellationToken));
        }
    }

    private static async Task IgnoreMissingAsync<T>(Func<Task<T>> write)
    {
        try
        {
            await write();
        }
        catch (ApiException ex) when (ex.IsNotFound() || ex.IsConflict())
        {
        }
    }
}
