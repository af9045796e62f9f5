namespace Karmada.Controllers.Execution;

/// <summary>What applying one manifest to its member needs.</summary>
public enum ApplyAction
{
    /// <summary>The object does not exist in the member: create it.</summary>
    Create,

    /// <summary>The object exists and differs from what Karmada wants: write the retained object over it.</summary>
    Update,

    /// <summary>The object is as Karmada last wrote it and the manifest did not change.</summary>
    None,

    /// <summary>The object exists, is not Karmada's and the manifest does not ask to overwrite it.</summary>
    Conflict,
}
