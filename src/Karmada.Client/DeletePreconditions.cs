namespace Karmada.Client;

/// <summary>Conditions the object must meet for a DELETE to proceed; otherwise the server answers Conflict.</summary>
public sealed class DeletePreconditions
{
    /// <summary>Delete only this incarnation of the object (guards against a re-created namesake).</summary>
    public string? Uid { get; set; }

    /// <summary>Delete only if the object is still at this resourceVersion.</summary>
    public string? ResourceVersion { get; set; }
}
