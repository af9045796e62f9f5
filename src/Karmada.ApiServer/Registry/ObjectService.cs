using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Karmada.ApiServer.Admission;
using Karmada.ApiServer.Caching;
using Karmada.ApiServer.Defaulting;
using Karmada.ApiServer.Http;
using Karmada.ApiServer.Resources;
using Karmada.Storage;

namespace Karmada.ApiServer.Registry;

/// <summary>
/// The generic REST semantics of every resource, as kube-apiserver's generic registry implements them: server-set
/// metadata, generation, optimistic concurrency with retries, status/main-resource separation, admission, dry run,
/// graceful deletion with finalizers and <c>deletionTimestamp</c>.
/// </summary>
public sealed class ObjectService(ResourceCatalog catalog, ResourceStores stores, AdmissionChain admission, ObjectDefaulting defaulting, FieldOwnership ownership, TimeProvider time)
{
    private const int MaxRetries = 16;
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public ResourceCatalog Catalog => catalog;

    public ResourceStores Stores => stores;

    public async Task<CachedObject?> GetAsync(ResourceDefinition resource, string? ns, string name, CancellationToken cancellationToken)
    {
        var store = stores.For(resource);
        return await store.GetAsync(store.KeyFor(ns, name), cancellationToken);
    }

    public async Task<CachedObject> GetRequiredAsync(ResourceDefinition resource, string? ns, string name, CancellationToken cancellationToken) =>
        await GetAsync(resource, ns, name, cancellationToken) ?? throw new ApiException(Errors.NotFound(resource, name));

    public async Task<WriteResult> CreateAsync(ResourceDefinition resource, string? ns, JsonObject obj, WriteOptions options, CancellationToken cancellationToken)
    {
        PrepareForCreate(resource, ns, obj);
        if (resource.Namespaced)
        {
            await EnsureNamespaceAcceptsAsync(ns!, cancellationToken);
        }

        var request = new AdmissionRequest
        {
            Resource = resource,
            Operation = AdmissionOperation.Create,
            Object = obj,
            DryRun = options.DryRun,
            UserName = options.UserName,
        };
        defaulting.Apply(resource, obj, request.Warnings, options.FieldValidation);
        BuiltInStrategies.PrepareForCreate(resource, obj);
        await admission.AdmitAsync(request, cancellationToken);
        ownership.RecordCreate(resource, obj, options.FieldManager);

        var store = stores.For(resource);
        var metadata = obj["metadata"]!.AsObject();
        var generated = metadata["generateName"] is not null && (string?)metadata["name"] is { } n && n.StartsWith((string?)metadata["generateName"] ?? "", StringComparison.Ordinal);
        for (var attempt = 0; ; attempt++)
        {
            var name = (string)metadata["name"]!;
            if (options.DryRun)
            {
                return new WriteResult(DryRunObject(store.KeyFor(ns, name), obj), true, request.Warnings);
            }

            try
            {
                var created = await store.CreateAsync(store.KeyFor(ns, name), obj, cancellationToken);
                return new WriteResult(created, true, request.Warnings);
            }
            catch (StorageException ex) when (ex.Kind == StorageErrorKind.AlreadyExists)
            {
                if (!generated || attempt >= 8)
                {
                    throw new ApiException(Errors.AlreadyExists(resource, name));
                }

                metadata["name"] = GenerateName((string)metadata["generateName"]!);
            }
        }
    }

    /// <summary>PUT: replaces the object (or its status) with optimistic concurrency on <c>metadata.resourceVersion</c>.</summary>
    public async Task<WriteResult> UpdateAsync(ResourceDefinition resource, string? ns, string name, JsonObject incoming, string subresource, WriteOptions options, CancellationToken cancellationToken)
    {
        CheckIdentity(resource, ns, name, incoming);
        var precondition = ParseResourceVersion(resource, name, (string?)incoming["metadata"]?["resourceVersion"]);

        // With a precondition a conflict is final, so the object is prepared at most once and can be taken as it is;
        // without one every retry needs a pristine copy, because preparing an update modifies it.
        var replacement = precondition is null ? null : incoming;
        return await GuaranteedUpdateCoreAsync(resource, ns, name, subresource, options, precondition, _ => replacement ?? incoming.DeepClone().AsObject(), readsCurrent: false, cancellationToken);
    }

    /// <summary>
    /// Read-modify-write with retries on conflict: <paramref name="mutate"/> gets a private copy of the stored object
    /// and returns the desired object. With a <paramref name="precondition"/> revision a conflict is final (409).
    /// </summary>
    public async Task<WriteResult> GuaranteedUpdateAsync(
        ResourceDefinition resource,
        string? ns,
        string name,
        string subresource,
        WriteOptions options,
        long? precondition,
        Func<JsonObject, JsonObject> mutate,
        CancellationToken cancellationToken) =>
        await GuaranteedUpdateCoreAsync(resource, ns, name, subresource, options, precondition, mutate, readsCurrent: true, cancellationToken);

    // readsCurrent is false when mutate ignores its argument (a PUT replaces the object): that saves a deep copy of
    // the stored object per write.
    private async Task<WriteResult> GuaranteedUpdateCoreAsync(
        ResourceDefinition resource,
        string? ns,
        string name,
        string subresource,
        WriteOptions options,
        long? precondition,
        Func<JsonObject, JsonObject> mutate,
        bool readsCurrent,
        CancellationToken cancellationToken)
    {
        var store = stores.For(resource);
        var key = store.KeyFor(ns, name);
        for (var attempt = 0; ; attempt++)
        {
            var current = await store.GetAsync(key, cancellationToken) ?? throw new ApiException(Errors.NotFound(resource, name));
            if (precondition is { } expected && expected != current.Revision)
            {
                throw new ApiException(Errors.Modified(resource, name));
            }

            var old = current.ToJsonObject();

            // The cached copy carries the stored revision; it is not a precondition the client asked for. Without this a
            // patch that never mentions resourceVersion would inherit it and get 409 instead of a retry under contention.
            JsonObject input = [];
            if (readsCurrent)
            {
                input = old.DeepClone().AsObject();
                (input["metadata"] as JsonObject)?.Remove("resourceVersion");
            }

            var desired = mutate(input);
            var incomingPrecondition = ParseResourceVersion(resource, name, (string?)desired["metadata"]?["resourceVersion"]);
            if (precondition is null && incomingPrecondition is { } fromBody && fromBody != current.Revision)
            {
                throw new ApiException(Errors.Modified(resource, name));
            }

            CheckIdentity(resource, ns, name, desired);
            var updated = PrepareForUpdate(resource, subresource, old, desired);
            if (options.FieldManager is null && subresource == "status" && desired["metadata"]?["managedFields"] is JsonArray applied)
            {
                // A server-side apply to /status recorded its own managed fields (subresource: status) in the desired
                // object; other status writes keep the stored ones, as upstream ignores them from subresource requests.
                updated["metadata"]!["managedFields"] = applied.DeepClone();
            }

            var request = new AdmissionRequest
            {
                Resource = resource,
                Operation = AdmissionOperation.Update,
                Object = updated,
                OldObject = old,
                Subresource = subresource,
                DryRun = options.DryRun,
                UserName = options.UserName,
            };
            if (subresource.Length == 0)
            {
                defaulting.Apply(resource, updated, request.Warnings, options.FieldValidation);
            }

            BuiltInStrategies.ValidateUpdate(resource, subresource, old, updated);

            await admission.AdmitAsync(request, cancellationToken);
            BumpGeneration(resource, subresource, old, updated);
            ownership.RecordUpdate(resource, old, updated, options.FieldManager, subresource);

            if (ObjectComparison.IsNoOpUpdate(old, updated))
            {
                return new WriteResult(current, false, request.Warnings);
            }

            if (options.DryRun)
            {
                return new WriteResult(DryRunObject(key, updated, current.Revision), false, request.Warnings);
            }

            try
            {
                if (IsTerminating(updated) && Finalizers(updated).Count == 0 && updated["spec"]?["finalizers"] is not JsonArray { Count: > 0 } && GracefulDeletion.GraceElapsed(updated))
                {
                    await store.DeleteAsync(key, current.Revision, cancellationToken);
                    var gone = CachedObject.FromStored(key, ObjectJson.SerializeForStorage(updated), current.Revision, current.CreateRevision);
                    return new WriteResult(gone, false, request.Warnings) { Deleted = true };
                }

                var written = await store.UpdateAsync(key, updated, current.Revision, cancellationToken);
                return new WriteResult(written, false, request.Warnings);
            }
            catch (StorageException ex) when (ex.Kind is StorageErrorKind.Conflict or StorageErrorKind.NotFound)
            {
                if (precondition is not null || incomingPrecondition is not null || attempt >= MaxRetries)
                {
                    throw new ApiException(ex.Kind == StorageErrorKind.NotFound ? Errors.NotFound(resource, name) : Errors.Modified(resource, name));
                }
            }
        }
    }

    public async Task<WriteResult> DeleteAsync(ResourceDefinition resource, string? ns, string name, DeleteOptions options, CancellationToken cancellationToken)
    {
        var store = stores.For(resource);
        var key = store.KeyFor(ns, name);
        for (var attempt = 0; ; attempt++)
        {
            var current = await store.GetAsync(key, cancellationToken) ?? throw new ApiException(Errors.NotFound(resource, name));
            var obj = current.ToJsonObject();
            CheckDeletePreconditions(resource, name, obj, current, options);
            var request = new AdmissionRequest
            {
                Resource = resource,
                Operation = AdmissionOperation.Delete,
                OldObject = obj,
                DryRun = options.DryRun,
                UserName = options.UserName,
            };
            await admission.AdmitAsync(request, cancellationToken);

            var updated = obj.DeepClone().AsObject();
            var metadata = updated["metadata"]!.AsObject();
            var finalizers = Finalizers(updated);
            var grace = GracefulDeletion.Apply(resource, updated, options.GracePeriodSeconds, time.GetUtcNow());
            var changed = grace == GracefulDeletionOutcome.Started;
            if (resource.Group.Length == 0 && resource.Plural == "namespaces")
            {
                changed |= MarkNamespaceTerminating(updated);
                finalizers = Finalizers(updated);
            }

            switch (options.PropagationPolicy)
            {
                case "Foreground" when !finalizers.Contains("foregroundDeletion"):
                    finalizers.Add("foregroundDeletion");
                    changed = true;
                    break;
                case "Orphan" when !finalizers.Contains("orphan"):
                    finalizers.Add("orphan");
                    changed = true;
                    break;
                default:
                    break;
            }

            var pendingByNamespaceSpec = resource.Group.Length == 0 && resource.Plural == "namespaces"
                && updated["spec"]?["finalizers"] is JsonArray { Count: > 0 };
            if (finalizers.Count > 0 || pendingByNamespaceSpec || grace != GracefulDeletionOutcome.Immediate)
            {
                if (metadata["deletionTimestamp"] is null)
                {
                    metadata["deletionTimestamp"] = Now();
                    metadata["deletionGracePeriodSeconds"] = 0;
                    if (metadata["generation"] is not null)
                    {
                        metadata["generation"] = ((long?)metadata["generation"] ?? 0) + 1;
                    }

                    changed = true;
                }

                SetFinalizers(updated, finalizers);
                if (!changed)
                {
                    return new WriteResult(current, false, request.Warnings);
                }

                if (options.DryRun)
                {
                    return new WriteResult(DryRunObject(key, updated, current.Revision), false, request.Warnings);
                }

                try
                {
                    var pending = await store.UpdateAsync(key, updated, current.Revision, cancellationToken);
                    return new WriteResult(pending, false, request.Warnings);
                }
                catch (StorageException ex) when (ex.Kind is StorageErrorKind.Conflict && attempt < MaxRetries)
                {
                    continue;
                }
                catch (StorageException ex) when (ex.Kind is StorageErrorKind.NotFound)
                {
                    throw new ApiException(Errors.NotFound(resource, name));
                }
            }

            if (options.DryRun)
            {
                return new WriteResult(current, false, request.Warnings) { Deleted = true };
            }

            try
            {
                var deleted = await store.DeleteAsync(key, current.Revision, cancellationToken);
                return new WriteResult(deleted, false, request.Warnings) { Deleted = true };
            }
            catch (StorageException ex) when (ex.Kind is StorageErrorKind.Conflict && attempt < MaxRetries)
            {
            }
            catch (StorageException ex) when (ex.Kind is StorageErrorKind.NotFound)
            {
                throw new ApiException(Errors.NotFound(resource, name));
            }
        }
    }

    public string Now() => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static List<string> Finalizers(JsonObject obj) =>
        (obj["metadata"]?["finalizers"] as JsonArray ?? []).Select(f => (string?)f ?? "").Where(f => f.Length > 0).ToList();

    public static void SetFinalizers(JsonObject obj, List<string> finalizers)
    {
        var metadata = obj["metadata"]!.AsObject();
        if (finalizers.Count == 0)
        {
            metadata.Remove("finalizers");
        }
        else
        {
            metadata["finalizers"] = new JsonArray(finalizers.Select(f => (JsonNode?)f).ToArray());
        }
    }

    public static bool IsTerminating(JsonObject obj) => obj["metadata"]?["deletionTimestamp"] is not null;

    private async Task EnsureNamespaceAcceptsAsync(string ns, CancellationToken cancellationToken)
    {
        var namespaces = catalog.Find("", "v1", "namespaces")!;
        var found = await GetAsync(namespaces, null, ns, cancellationToken) ?? throw new ApiException(Errors.NotFound(namespaces, ns));
        if (found.Summary.HasDeletionTimestamp)
        {
            throw new ApiException(Errors.Forbidden($"unable to create new content in namespace {ns} because it is being terminated") with
            {
                DetailsName = ns,
                DetailsKind = "namespaces",
                Causes = [new StatusCause("NamespaceTerminating", $"namespace {ns} is being terminated", "metadata.namespace")],
            });
        }
    }

    private void PrepareForCreate(ResourceDefinition resource, string? ns, JsonObject obj)
    {
        CheckTypeMeta(resource, obj);
        obj["apiVersion"] = resource.GroupVersion;
        obj["kind"] = resource.Kind;
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            obj["metadata"] = metadata;
        }

        if (resource.Namespaced)
        {
            var bodyNs = (string?)metadata["namespace"];
            if (!string.IsNullOrEmpty(bodyNs) && bodyNs != ns)
            {
                throw new ApiException(Errors.BadRequest("the namespace of the provided object does not match the namespace sent on the request"));
            }

            metadata["namespace"] = ns;
        }
        else
        {
            metadata.Remove("namespace");
        }

        if (string.IsNullOrEmpty((string?)metadata["name"]) && (string?)metadata["generateName"] is { Length: > 0 } prefix)
        {
            metadata["name"] = GenerateName(prefix);
        }

        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Now();
        metadata.Remove("resourceVersion");
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        if (resource.HasSpec)
        {
            metadata["generation"] = 1;
        }
        else
        {
            metadata.Remove("generation");
        }

        if (resource.HasStatus)
        {
            obj.Remove("status");
        }

        if (resource.Group.Length == 0 && resource.Plural == "namespaces")
        {
            obj["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
            obj["status"] = new JsonObject { ["phase"] = "Active" };
        }
    }

    private static JsonObject PrepareForUpdate(ResourceDefinition resource, string subresource, JsonObject old, JsonObject desired)
    {
        CheckTypeMeta(resource, desired);
        JsonObject updated;
        if (subresource == "finalize")
        {
            // The namespace finalize subresource changes only spec.finalizers.
            updated = old.DeepClone().AsObject();
            var spec = updated["spec"] as JsonObject ?? [];
            updated["spec"] = spec;
            if (desired["spec"]?["finalizers"] is { } finalizers)
            {
                spec["finalizers"] = finalizers.DeepClone();
            }
            else
            {
                spec.Remove("finalizers");
            }
        }
        else if (subresource == SchedulingSubresource.Name)
        {
            updated = SchedulingSubresource.Merge(resource, old, desired);
        }
        else if (subresource == "status")
        {
            // A status write changes nothing but .status. The desired object is this attempt's own (a PUT body taken
            // once, or a copy per retry), so its status moves over instead of being copied.
            updated = old.DeepClone().AsObject();
            if (desired["status"] is { } status)
            {
                desired.Remove("status");
                updated["status"] = status;
            }
            else
            {
                updated.Remove("status");
            }

            BuiltInStrategies.PrepareForStatusUpdate(resource, desired, updated);
        }
        else
        {
            updated = desired;
            updated["apiVersion"] = resource.GroupVersion;
            updated["kind"] = resource.Kind;
            if (resource.HasStatus)
            {
                if (old["status"] is { } oldStatus)
                {
                    updated["status"] = oldStatus.DeepClone();
                }
                else
                {
                    updated.Remove("status");
                }
            }

            if (resource.Group.Length == 0 && resource.Plural == "namespaces" && old["spec"] is { } oldSpec)
            {
                // spec.finalizers of a namespace change only through the finalize subresource.
                updated["spec"] = oldSpec.DeepClone();
            }
        }

        var metadata = updated["metadata"] as JsonObject ?? [];
        updated["metadata"] = metadata;
        var oldMetadata = old["metadata"]!.AsObject();
        foreach (var field in new[] { "name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation" })
        {
            if (oldMetadata[field] is { } value)
            {
                metadata[field] = value.DeepClone();
            }
            else
            {
                metadata.Remove(field);
            }
        }

        metadata.Remove("resourceVersion");
        if (metadata["managedFields"] is null && oldMetadata["managedFields"] is { } managed)
        {
            // Clients that omit managedFields keep the stored ones; ones they send are taken (server-side apply
            // results, kubectl's migration request), as kube-apiserver does.
            metadata["managedFields"] = managed.DeepClone();
        }

        return updated;
    }

    private static void BumpGeneration(ResourceDefinition resource, string subresource, JsonObject old, JsonObject updated)
    {
        if (!resource.HasSpec || (subresource.Length > 0 && subresource != SchedulingSubresource.Name))
        {
            return;
        }

        if (ObjectComparison.ContentDiffers(old, updated))
        {
            updated["metadata"]!["generation"] = ((long?)old["metadata"]?["generation"] ?? 0) + 1;
        }
    }

    private static bool MarkNamespaceTerminating(JsonObject ns)
    {
        var status = ns["status"] as JsonObject ?? [];
        ns["status"] = status;
        if ((string?)status["phase"] == "Terminating")
        {
            return false;
        }

        status["phase"] = "Terminating";
        return true;
    }

    private static void CheckTypeMeta(ResourceDefinition resource, JsonObject obj)
    {
        var apiVersion = (string?)obj["apiVersion"];
        var kind = (string?)obj["kind"];
        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != resource.GroupVersion)
        {
            var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : "";
            if (group != resource.Group)
            {
                throw new ApiException(Errors.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({resource.GroupVersion})"));
            }
        }

        if (!string.IsNullOrEmpty(kind) && kind != resource.Kind)
        {
            throw new ApiException(Errors.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({resource.Kind})"));
        }
    }

    private static void CheckIdentity(ResourceDefinition resource, string? ns, string name, JsonObject obj)
    {
        var metadata = obj["metadata"] as JsonObject;
        var bodyName = (string?)metadata?["name"];
        if (!string.IsNullOrEmpty(bodyName) && bodyName != name)
        {
            throw new ApiException(Errors.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})"));
        }

        var bodyNs = (string?)metadata?["namespace"];
        if (resource.Namespaced && !string.IsNullOrEmpty(bodyNs) && bodyNs != ns)
        {
            throw new ApiException(Errors.BadRequest("the namespace of the provided object does not match the namespace sent on the request"));
        }
    }

    private static long? ParseResourceVersion(ResourceDefinition resource, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision))
        {
            throw new ApiException(Errors.Invalid(resource, name, [new StatusCause("FieldValueInvalid", $"Invalid value: \"{value}\": must be a number", "metadata.resourceVersion")]));
        }

        return revision;
    }

    private static void CheckDeletePreconditions(ResourceDefinition resource, string name, JsonObject obj, CachedObject current, DeleteOptions options)
    {
        var uid = (string?)obj["metadata"]?["uid"];
        if (options.PreconditionUid is { Length: > 0 } wantUid && wantUid != uid)
        {
            throw new ApiException(Errors.Conflict(resource, name, $"Precondition failed: UID in precondition: {wantUid}, UID in object meta: {uid}"));
        }

        if (options.PreconditionResourceVersion is { Length: > 0 } wantRv && wantRv != current.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new ApiException(Errors.Conflict(resource, name, $"Precondition failed: ResourceVersion in precondition: {wantRv}, ResourceVersion in object meta: {current.Revision}"));
        }
    }

    private static CachedObject DryRunObject(string key, JsonObject obj, long revision = 0)
    {
        var bytes = ObjectJson.SerializeForStorage(obj);
        return revision == 0
            ? new CachedObject(key, bytes, 0, 0, ObjectSummary.Read(bytes))
            : CachedObject.FromStored(key, bytes, revision, revision);
    }

    private static string GenerateName(string prefix)
    {
        Span<char> suffix = stackalloc char[5];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = GenerateNameAlphabet[RandomNumberGenerator.GetInt32(GenerateNameAlphabet.Length)];
        }

        var trimmed = prefix.Length > 58 ? prefix[..58] : prefix;
        return trimmed + new string(suffix);
    }
}
