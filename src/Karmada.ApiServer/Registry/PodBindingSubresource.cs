using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.ApiServer.Caching;
using Karmada.ApiServer.Http;
using Karmada.ApiServer.Resources;
using Karmada.Json;
using Karmada.Storage;

namespace Karmada.ApiServer.Registry;

/// <summary>
/// kube-apiserver's <c>pods/binding</c> (<c>BindingREST</c>): <c>POST …/pods/{name}/binding</c> with a <c>v1 Binding</c>
/// assigns an unassigned pod to <c>target.name</c> in one storage write: <c>spec.nodeName</c>, the Binding's
/// annotations and labels merged into the pod's, <c>PodScheduled=True</c> and no nominated node. Like upstream it writes
/// beneath the pod strategy (no generation bump, no managed-fields entry, no admission of the pod), takes the
/// Binding's <c>metadata.uid</c> and <c>resourceVersion</c> as preconditions, and reports an assigned, gated or
/// terminating pod as a 409 Conflict on <c>pods/binding</c>.
/// </summary>
public static class PodBindingSubresource
{
    public const string Name = "binding";

    private const int MaxRetries = 16;

    public static bool IsServedBy(ResourceDefinition resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Group.Length == 0 && resource.Plural == "pods";
    }

    /// <summary>Binds the pod <paramref name="name"/>; returns the stored pod (or, in a dry run, the pod that would be).</summary>
    public static async Task<CachedObject> BindAsync(
        ResourceStore store, ResourceDefinition pods, string ns, string name, JsonObject binding, bool dryRun, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(time);
        var metadata = binding["metadata"] as JsonObject;
        if ((string?)metadata?["name"] != name)
        {
            throw new ApiException(Errors.BadRequest("name in URL does not match name in Binding object"));
        }

        if ((string?)metadata?["namespace"] is { Length: > 0 } bindingNs && bindingNs != ns)
        {
            throw new ApiException(Errors.BadRequest("the namespace of the provided object does not match the namespace sent on the request"));
        }

        var node = Validate(binding);
        var uid = (string?)metadata?["uid"];
        var resourceVersion = (string?)metadata?["resourceVersion"];
        var key = store.KeyFor(ns, name);
        for (var attempt = 0; ; attempt++)
        {
            var current = await store.GetAsync(key, cancellationToken) ?? throw new ApiException(Errors.NotFound(pods, name));
            var pod = current.ToJsonObject();
            CheckPreconditions(pods, name, pod, current.Revision, uid, resourceVersion);
            Assign(pod, node, metadata, time.GetUtcNow());
            (pod["metadata"] as JsonObject)?.Remove("resourceVersion");
            if (dryRun)
            {
                var bytes = ObjectJson.SerializeForStorage(pod);
                return CachedObject.FromStored(key, bytes, current.Revision, current.CreateRevision);
            }

            try
            {
                return await store.UpdateAsync(key, pod, current.Revision, cancellationToken);
            }
            catch (StorageException ex) when (ex.Kind is StorageErrorKind.Conflict && attempt < MaxRetries)
            {
            }
            catch (StorageException ex) when (ex.Kind is StorageErrorKind.NotFound or StorageErrorKind.Conflict)
            {
                throw new ApiException(ex.Kind == StorageErrorKind.NotFound ? Errors.NotFound(pods, name) : Errors.Modified(pods, name));
            }
        }
    }

    /// <summary>
    /// The pod with the binding applied (in place): upstream's <c>setPodNodeAndMetadata</c>. Throws 409 when the pod is
    /// terminating, already assigned or still gated.
    /// </summary>
    public static void Assign(JsonObject pod, string node, JsonObject? bindingMetadata, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var metadata = pod["metadata"]!.AsObject();
        var name = (string?)metadata["name"] ?? "";
        var spec = pod["spec"] as JsonObject ?? [];
        pod["spec"] = spec;
        if (metadata["deletionTimestamp"] is not null)
        {
            throw BindingConflict(name, $"pod {name} is being deleted, cannot be assigned to a host");
        }

        if ((string?)spec["nodeName"] is { Length: > 0 } assigned)
        {
            throw BindingConflict(name, $"pod {name} is already assigned to node {GoQuote.Quote(assigned)}");
        }

        if (spec["schedulingGates"] is JsonArray { Count: > 0 })
        {
            throw BindingConflict(name, $"pod {name} has non-empty .spec.schedulingGates");
        }

        spec["nodeName"] = node;
        MergeMap(bindingMetadata?["annotations"] as JsonObject, metadata, "annotations");
        MergeMap(bindingMetadata?["labels"] as JsonObject, metadata, "labels");
        var status = pod["status"] as JsonObject ?? [];
        pod["status"] = status;
        status.Remove("nominatedNodeName");
        SetScheduledCondition(status, now);
    }

    /// <summary>Upstream's <c>ValidatePodBinding</c>: the target is a Node (or kind-less) and is named.</summary>
    private static string Validate(JsonObject binding)
    {
        var target = binding["target"] as JsonObject;
        var kind = (string?)target?["kind"] ?? "";
        var node = (string?)target?["name"] ?? "";
        var errors = new List<string>();
        if (kind.Length > 0 && kind != "Node")
        {
            errors.Add($"target.kind: Unsupported value: {GoQuote.Quote(kind)}: supported values: \"Node\", \"<empty>\"");
        }

        if (node.Length == 0)
        {
            errors.Add("target.name: Required value");
        }

        // Upstream returns the field errors as a plain aggregate error, which the server reports as a 500 Status
        // without a reason; the wording is field.ErrorList's.
        return errors.Count switch
        {
            0 => node,
            1 => throw new ApiException(new ApiStatus(500, "", errors[0])),
            _ => throw new ApiException(new ApiStatus(500, "", "[" + string.Join(", ", errors) + "]")),
        };
    }

    private static void CheckPreconditions(ResourceDefinition pods, string name, JsonObject pod, long revision, string? uid, string? resourceVersion)
    {
        var actualUid = (string?)pod["metadata"]?["uid"];
        if (!string.IsNullOrEmpty(uid) && uid != actualUid)
        {
            throw new ApiException(Errors.Conflict(pods, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {actualUid}"));
        }

        var actualVersion = revision.ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(resourceVersion) && resourceVersion != actualVersion)
        {
            throw new ApiException(Errors.Conflict(pods, name, $"Precondition failed: ResourceVersion in precondition: {resourceVersion}, ResourceVersion in object meta: {actualVersion}"));
        }
    }

    private static void MergeMap(JsonObject? from, JsonObject metadata, string field)
    {
        if (from is not { Count: > 0 })
        {
            return;
        }

        var map = metadata[field] as JsonObject ?? [];
        metadata[field] = map;
        foreach (var (key, value) in from)
        {
            map[key] = value?.DeepClone();
        }
    }

    /// <summary>
    /// Upstream's <c>UpdatePodCondition</c> with <c>PodScheduled=True</c>: reason and message are cleared, the transition
    /// time kept when the status was already True.
    /// </summary>
    private static void SetScheduledCondition(JsonObject status, DateTimeOffset now)
    {
        var conditions = status["conditions"] as JsonArray ?? [];
        status["conditions"] = conditions;
        var existing = conditions.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == "PodScheduled");
        var transition = existing is not null && (string?)existing["status"] == "True" && existing["lastTransitionTime"] is { } kept
            ? kept.DeepClone()
            : now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var condition = new JsonObject
        {
            ["type"] = "PodScheduled",
            ["status"] = "True",
            ["lastProbeTime"] = null,
            ["lastTransitionTime"] = transition,
        };
        if (existing is null)
        {
            conditions.Add(condition);
        }
        else
        {
            conditions[conditions.IndexOf(existing)] = condition;
        }
    }

    private static ApiException BindingConflict(string name, string detail) =>
        new(new ApiStatus(409, "Conflict", $"Operation cannot be fulfilled on pods/binding \"{name}\": {detail}")
        {
            DetailsName = name,
            DetailsGroup = "",
            DetailsKind = "pods/binding",
        });
}
