using System.Text.Json.Nodes;

namespace Karmada.Patching.ServerSideApply;

/// <summary>The outcome of a server-side apply: the new object, or the conflicts that prevented it.</summary>
public sealed class ApplyResult
{
    private ApplyResult(JsonObject? obj, IReadOnlyList<FieldConflict> conflicts, string? conflictMessage, bool created)
    {
        Object = obj;
        Conflicts = conflicts;
        ConflictMessage = conflictMessage;
        Created = created;
    }

    /// <summary>The object to store, with updated <c>metadata.managedFields</c>; <see langword="null"/> on conflict.</summary>
    public JsonObject? Object { get; }

    /// <summary>Whether the apply succeeded.</summary>
    public bool Succeeded => Object is not null;

    /// <summary>Whether the object did not exist before (the server answers 201).</summary>
    public bool Created { get; }

    /// <summary>The conflicts, ordered as upstream reports them.</summary>
    public IReadOnlyList<FieldConflict> Conflicts { get; }

    /// <summary>
    /// The 409 <c>Status.message</c>, e.g. <c>Apply failed with 1 conflict: conflict with "kubectl-client-side-apply"
    /// using apps/v1: .spec.replicas</c>; <see langword="null"/> when the apply succeeded.
    /// </summary>
    public string? ConflictMessage { get; }

    internal static ApplyResult Success(JsonObject obj, bool created) => new(obj, [], null, created);

    internal static ApplyResult Conflict(IReadOnlyList<FieldConflict> conflicts, string message) => new(null, conflicts, message, false);
}
