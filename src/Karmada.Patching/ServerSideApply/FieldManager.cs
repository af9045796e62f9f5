using System.Text.Json.Nodes;
using Karmada.Json;
using Karmada.Patching.Schema;

namespace Karmada.Patching.ServerSideApply;

/// <summary>
/// Field ownership as kube-apiserver tracks it in <c>metadata.managedFields</c>: server-side apply with conflict
/// detection (<see cref="Apply"/>) and ownership recording for every other write (<see cref="RecordUpdate"/>).
/// Follows apiserver's field manager stack and structured-merge-diff, with list and map semantics taken from
/// <see cref="PatchMeta"/>.
/// </summary>
public static class FieldManager
{
    /// <summary>The manager that owns everything an object held when it was first server-side applied without managed fields.</summary>
    public const string BeforeFirstApplyManager = "before-first-apply";

    /// <summary>The manager the oldest <c>Update</c> entries are folded into beyond <see cref="MaxUpdateManagers"/>.</summary>
    public const string AncientChangesManager = "ancient-changes";

    /// <summary>How many <c>Update</c> entries an object keeps.</summary>
    public const int MaxUpdateManagers = 10;

    /// <summary>The client-side apply annotation kubectl's server-side apply takes over.</summary>
    public const string LastAppliedConfigAnnotation = LastAppliedConfiguration.Annotation;

    // The manager whose applies may take over client-side apply fields and keep the annotation current.
    private const string KubectlManager = "kubectl";

    // Sentinel for the fields a single update changes before they are merged into the writer's entry.
    private const string CurrentOperation = "current-operation";

    // Never owned: identity and system fields (upstream's stripMetaManager). Only these exact paths are dropped.
    internal static readonly FieldPath[] SystemFields =
    [
        Path("apiVersion"),
        Path("kind"),
        Path("metadata"),
        Path("metadata", "name"),
        Path("metadata", "namespace"),
        Path("metadata", "creationTimestamp"),
        Path("metadata", "selfLink"),
        Path("metadata", "uid"),
        Path("metadata", "clusterName"),
        Path("metadata", "generation"),
        Path("metadata", "managedFields"),
        Path("metadata", "resourceVersion"),
    ];

    /// <summary>
    /// Server-side applies <paramref name="applied"/> (the request body) to <paramref name="live"/>.
    /// </summary>
    /// <param name="live">The stored object, or <see langword="null"/> when the apply creates it.</param>
    /// <param name="applied">The applied configuration; it must name <c>apiVersion</c> and must not carry managed fields.</param>
    /// <param name="manager">The <c>fieldManager</c> query parameter.</param>
    /// <param name="force">The <c>force</c> query parameter: take conflicting fields over instead of failing.</param>
    /// <param name="now">The time recorded in the manager's entry when the object changes.</param>
    /// <param name="meta">The kind's metadata (<see cref="BuiltInPatchMeta"/>).</param>
    /// <param name="scope">Which part of the object the request writes; defaults to <see cref="ManagedFieldsScope.MainResource"/>.</param>
    /// <returns>The object to store, or the conflicts (409) when another manager owns a field the apply changes.</returns>
    /// <exception cref="PatchException">
    /// 400 when the configuration carries <c>metadata.managedFields</c> or lacks <c>apiVersion</c>; 500 (as
    /// upstream) when it has duplicate or unidentifiable list items, or the stored managed fields are corrupt.
    /// </exception>
    public static ApplyResult Apply(
        JsonObject? live, JsonObject applied, string manager, bool force, DateTimeOffset now, PatchMeta meta, ManagedFieldsScope? scope = null)
    {
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentException.ThrowIfNullOrEmpty(manager);
        ArgumentNullException.ThrowIfNull(meta);
        scope ??= ManagedFieldsScope.MainResource;

        if (applied["metadata"] is JsonObject appliedMetadata && appliedMetadata["managedFields"] is not null)
        {
            throw PatchException.BadRequest("metadata.managedFields must be nil");
        }

        if (JsonValues.KindOf(applied["apiVersion"]) != JsonKind.String)
        {
            throw PatchException.BadRequest("Object 'apiVersion' is missing in the apply patch");
        }

        var apiVersion = applied["apiVersion"]!.GetValue<string>();
        var liveObject = live is null ? [] : (JsonObject)live.DeepClone();
        ManagedFields managed;
        try
        {
            managed = ManagedFields.Decode(TakeManagedFields(liveObject));
        }
        catch (FormatException e)
        {
            throw PatchException.Internal("failed to decode managed fields: " + e.Message);
        }

        FieldSet configured;
        try
        {
            configured = FieldSetBuilder.Build(applied, meta).Where(scope.Tracks);
        }
        catch (SchemaViolationException e)
        {
            throw PatchException.Internal($"failed to create typed patch object ({DescribeObject(applied)}): {e.Message}");
        }

        var key = ManagerKey.ForApply(manager, scope.Subresource);
        var context = new ApplyContext(liveObject, applied, configured, key, apiVersion, now, meta, scope);
        var outcome = context.Run(managed, force);
        if (outcome.Conflicts is { } conflicts && manager == KubectlManager)
        {
            // Fields client-side apply set, and that still hold its values, are taken over silently.
            var unchanged = LastAppliedConfiguration.UnchangedFields(liveObject, apiVersion, meta);
            if (unchanged is not null)
            {
                var remaining = conflicts
                    .Select(c => (c.Key, Fields: c.Value.Except(unchanged)))
                    .Where(c => !c.Fields.IsEmpty)
                    .ToDictionary(c => c.Key, c => c.Fields);
                outcome = remaining.Count > 0 ? new ApplyOutcome(null, null, remaining) : context.Run(managed, force: true);
            }
        }

        if (outcome.Conflicts is { } blocking)
        {
            return Conflicts(blocking);
        }

        var result = outcome.Object!;
        if (manager == KubectlManager && LastAppliedConfiguration.Read(result) is not null)
        {
            LastAppliedConfiguration.Write(result, LastAppliedConfiguration.Build(applied));
        }

        StoreManagedFields(result, outcome.Managed!);
        return ApplyResult.Success(result, created: live is null);
    }

    /// <summary>
    /// Records the fields a create, update or (non-apply) patch changed as owned by <paramref name="manager"/>
    /// with operation <c>Update</c>, taking them away from other managers, and writes the result to
    /// <paramref name="newObject"/>'s <c>metadata.managedFields</c>.
    /// </summary>
    /// <param name="oldObject">The stored object before the write; <see langword="null"/> for a create.</param>
    /// <param name="newObject">
    /// The object about to be stored; modified in place. Managed fields it carries that differ from the stored
    /// ones replace them (how clients edit ownership); an empty list resets them.
    /// </param>
    /// <param name="manager">The <c>fieldManager</c> query parameter, or the user-agent prefix when absent.</param>
    /// <param name="apiVersion">The API version of the request (recorded per <c>Update</c> entry).</param>
    /// <param name="now">The time recorded in the manager's entry.</param>
    /// <param name="meta">The kind's metadata.</param>
    /// <param name="scope">Which part of the object the request writes; defaults to <see cref="ManagedFieldsScope.MainResource"/>.</param>
    /// <returns><paramref name="newObject"/>.</returns>
    public static JsonObject RecordUpdate(
        JsonObject? oldObject, JsonObject newObject, string manager, string apiVersion, DateTimeOffset now, PatchMeta meta, ManagedFieldsScope? scope = null)
    {
        ArgumentNullException.ThrowIfNull(newObject);
        ArgumentException.ThrowIfNullOrEmpty(manager);
        ArgumentException.ThrowIfNullOrEmpty(apiVersion);
        ArgumentNullException.ThrowIfNull(meta);
        scope ??= ManagedFieldsScope.MainResource;

        if (oldObject is null && scope.Subresource is null && !HasManagedFields(newObject))
        {
            RecordCreate(newObject, ManagerKey.ForUpdate(manager, apiVersion, null), now, meta, scope);
            return newObject;
        }

        // The stored object is only read: the comparison leaves its managed fields out rather than a copy dropping them.
        var before = oldObject ?? [];
        var storedFields = before["metadata"] is JsonObject storedMetadata ? storedMetadata["managedFields"] : null;
        var requestedFields = TakeManagedFields(newObject);

        // Upstream never fails a write over managed fields: unreadable ones are dropped.
        ManagedFields managed;
        if (scope.Subresource is not null)
        {
            managed = TryDecode(storedFields) ?? new ManagedFields();
        }
        else if (IsReset(requestedFields))
        {
            managed = new ManagedFields();
        }
        else
        {
            managed = TryDecode(requestedFields) is { IsEmpty: false } requested ? requested : TryDecode(storedFields) ?? new ManagedFields();
        }

        // An existing object without managed fields is not tracked (clients clear them this way).
        if (managed.IsEmpty && oldObject is not null && HasUid(oldObject))
        {
            return newObject;
        }

        // The comparison only reads newObject (now without managedFields), so it needs no copy of it.
        RecordChanges(before, newObject, managed, ManagerKey.ForUpdate(manager, apiVersion, scope.Subresource), now, meta, scope);
        managed.Cap(MaxUpdateManagers, AncientChangesManager);
        StoreManagedFields(newObject, managed);
        return newObject;
    }

    // A create without managed fields of its own: the writer owns everything it sets (RecordChanges against an empty
    // object with no other managers), built in one walk.
    private static void RecordCreate(JsonObject created, ManagerKey key, DateTimeOffset now, PatchMeta meta, ManagedFieldsScope scope)
    {
        var fields = CreatedFields.Build(created, meta, scope, SystemFields);
        if (fields is null)
        {
            return;
        }

        if (created["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            created["metadata"] = metadata;
        }

        metadata["managedFields"] = new JsonArray(ManagedFields.EncodeEntry(key, key.ApiVersion!, Truncate(now), fields));
    }

    private static bool HasManagedFields(JsonObject obj) =>
        obj["metadata"] is JsonObject metadata && metadata.ContainsKey("managedFields");

    private static ApplyResult Conflicts(Dictionary<ManagerKey, FieldSet> conflicts)
    {
        var list = new List<FieldConflict>();
        foreach (var (key, fields) in conflicts.OrderBy(c => c.Key.Identifier(), StringComparer.Ordinal))
        {
            foreach (var path in fields.Sorted())
            {
                list.Add(new FieldConflict(
                    key.Manager, key.Operation, key.ApiVersion, key.Subresource, path.ToString(), "conflict with " + key.Describe()));
            }
        }

        string message;
        if (list.Count == 1)
        {
            message = $"Apply failed with 1 conflict: {list[0].Message}: {list[0].Field}";
        }
        else
        {
            var lines = new List<string>();
            foreach (var group in list.GroupBy(c => (c.Manager, c.Operation, c.ApiVersion, c.Subresource)))
            {
                lines.Add("conflicts with " + group.First().Message["conflict with ".Length..] + ":");
                lines.AddRange(group.Select(c => "- " + c.Field));
            }

            message = $"Apply failed with {list.Count} conflicts: {string.Join('\n', lines)}";
        }

        return ApplyResult.Conflict(list, message);
    }

    // The fields an update changed become the writer's; other managers lose them (upstream's managedFieldsUpdater
    // around Updater.Update, run as "current-operation" and merged into the writer's previous entry).
    private static void RecordChanges(
        JsonObject before, JsonObject after, ManagedFields managed, ManagerKey key, DateTimeOffset now, PatchMeta meta, ManagedFieldsScope scope)
    {
        var comparison = StructuredComparer.Compare(before, after, meta, scope, ignoreManagedFields: true);
        ReleaseChanged(managed, new ManagerKey(CurrentOperation, ManagerKey.UpdateOperation, null, null), comparison, force: true);
        var owned = comparison.Changed.Except(SystemFields);
        if (owned.IsEmpty)
        {
            return;
        }

        if (managed.Entries.TryGetValue(key, out var previous))
        {
            // A repeated writer (a kubelet's status, a controller's replicas) usually changes only fields it already
            // owns: its set is then kept as it is, still in its stored encoding, rather than rebuilt as a union.
            owned = previous.Fields.ContainsAll(owned) ? previous.Fields : owned.Union(previous.Fields);
        }

        managed.Entries[key] = new ManagedEntry(owned, key.ApiVersion!, Truncate(now));
    }

    /// <summary>
    /// Takes the fields a write changed or removed away from every manager but <paramref name="self"/>. Without
    /// <paramref name="force"/>, changed fields owned by others are conflicts and nothing is modified.
    /// </summary>
    private static Dictionary<ManagerKey, FieldSet>? ReleaseChanged(ManagedFields managed, ManagerKey self, Comparison comparison, bool force)
    {
        var changed = comparison.Changed;
        var conflicts = new Dictionary<ManagerKey, FieldSet>();
        foreach (var (key, entry) in managed.Entries)
        {
            if (key.Equals(self))
            {
                continue;
            }

            var conflicting = entry.Fields.Intersect(changed);
            if (!conflicting.IsEmpty)
            {
                conflicts[key] = conflicting;
            }
        }

        if (!force && conflicts.Count > 0)
        {
            return conflicts;
        }

        foreach (var key in managed.Entries.Keys.ToList())
        {
            if (key.Equals(self))
            {
                continue;
            }

            var entry = managed.Entries[key];
            var hasTaken = conflicts.TryGetValue(key, out var taken);
            if (!hasTaken && !entry.Fields.Overlaps(comparison.Removed))
            {
                // Most managers own nothing a write touches: their entry stays as it is.
                continue;
            }

            var kept = entry.Fields;
            if (hasTaken)
            {
                kept = kept.Except(taken!);
            }

            kept = kept.Except(comparison.Removed);
            managed.Entries[key] = entry with { Fields = kept };
        }

        foreach (var key in managed.Entries.Where(e => e.Value.Fields.IsEmpty).Select(e => e.Key).ToList())
        {
            managed.Entries.Remove(key);
        }

        return null;
    }

    private static JsonNode? TakeManagedFields(JsonObject obj)
    {
        if (obj["metadata"] is not JsonObject metadata || !metadata.TryGetPropertyValue("managedFields", out var fields))
        {
            return null;
        }

        metadata.Remove("managedFields");
        return fields;
    }

    private static void StoreManagedFields(JsonObject obj, ManagedFields managed)
    {
        var encoded = managed.Encode();
        if (obj["metadata"] is not JsonObject metadata)
        {
            if (encoded is null)
            {
                return;
            }

            metadata = [];
            obj["metadata"] = metadata;
        }

        if (encoded is null)
        {
            metadata.Remove("managedFields");
        }
        else
        {
            metadata["managedFields"] = encoded;
        }
    }

    private static ManagedFields? TryDecode(JsonNode? encoded)
    {
        try
        {
            return ManagedFields.Decode(encoded);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // An empty list, or a single empty entry, asks for the managed fields to be cleared.
    private static bool IsReset(JsonNode? encoded) =>
        encoded is JsonArray list && (list.Count == 0 || (list.Count == 1 && list[0] is JsonObject { Count: 0 }));

    private static bool HasUid(JsonObject obj) =>
        obj["metadata"] is JsonObject metadata
        && JsonValues.KindOf(metadata["uid"]) == JsonKind.String
        && metadata["uid"]!.GetValue<string>().Length > 0;

    private static DateTimeOffset Truncate(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());

    private static FieldPath Path(params string[] names) => FieldPath.Of([.. names.Select(PathElement.Field)]);

    // upstream's objectGVKNN: "apps/v1, Kind=Deployment default/web".
    private static string DescribeObject(JsonObject obj)
    {
        static string Text(JsonNode? node) => JsonValues.KindOf(node) == JsonKind.String ? node!.GetValue<string>() : "";

        var apiVersion = Text(obj["apiVersion"]);
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? "" : apiVersion[..slash];
        var version = slash < 0 ? apiVersion : apiVersion[(slash + 1)..];
        var metadata = obj["metadata"] as JsonObject;
        return $"{group}/{version}, Kind={Text(obj["kind"])} {Text(metadata?["namespace"])}/{Text(metadata?["name"])}";
    }

    private sealed record ApplyOutcome(JsonObject? Object, ManagedFields? Managed, Dictionary<ManagerKey, FieldSet>? Conflicts);

    private sealed record ApplyContext(
        JsonObject Live, JsonObject Applied, FieldSet Configured, ManagerKey Key, string ApiVersion, DateTimeOffset Now, PatchMeta Meta, ManagedFieldsScope Scope)
    {
        // One pass of upstream's apply: merge, prune what this manager dropped, then detect conflicts.
        public ApplyOutcome Run(ManagedFields stored, bool force)
        {
            var managed = stored.Clone();
            if (managed.IsEmpty)
            {
                // Fields that predate managed fields are owned by a synthetic updater so they can conflict.
                RecordChanges([], Live, managed, ManagerKey.ForUpdate(BeforeFirstApplyManager, ApiVersion, Scope.Subresource), Now, Meta, Scope);
            }

            var previous = managed.Entries.TryGetValue(Key, out var entry) ? entry : null;
            var merged = Scope.Restrict(Live, StructuredMerger.Merge(Live, Applied, Meta));
            managed.Entries[Key] = new ManagedEntry(Configured, ApiVersion, previous?.Time);
            if (previous is not null && !previous.Fields.IsEmpty)
            {
                Prune(merged, managed, previous.Fields);
            }

            var comparison = StructuredComparer.Compare(Live, merged, Meta, Scope, ignoreManagedFields: false);
            if (ReleaseChanged(managed, Key, comparison, force) is { } conflicts)
            {
                return new ApplyOutcome(null, null, conflicts);
            }

            if (managed.Entries.TryGetValue(Key, out var own))
            {
                var kept = own.Fields.Except(SystemFields);
                if (kept.IsEmpty)
                {
                    managed.Entries.Remove(Key);
                }
                else
                {
                    // The time only moves when the apply changed the object.
                    managed.Entries[Key] = own with { Fields = kept, Time = comparison.IsSame ? own.Time : Truncate(Now) };
                }
            }

            managed.Cap(MaxUpdateManagers, AncientChangesManager);
            return new ApplyOutcome(comparison.IsSame ? (JsonObject)Live.DeepClone() : merged, managed, null);
        }

        // Removes what this manager applied last time but no longer applies, unless any manager still owns it
        // (structured-merge-diff's prune with EnsureNamedFieldsAreMembers on both sides).
        private void Prune(JsonObject merged, ManagedFields managed, FieldSet previous)
        {
            var owned = FieldRemover.ExpandNamedFields(managed.Entries.Values.SelectMany(e => e.Fields), Meta);
            var removable = FieldRemover.ExpandNamedFields(previous, Meta).Except(owned);
            FieldRemover.Remove(merged, removable, Meta);
        }
    }
}
