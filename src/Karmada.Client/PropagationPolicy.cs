namespace Karmada.Client;

/// <summary>How the garbage collector treats dependents of a deleted object.</summary>
public enum PropagationPolicy
{
    /// <summary>Leave dependents in place, removing their owner reference.</summary>
    Orphan,

    /// <summary>Delete the owner now and dependents in the background.</summary>
    Background,

    /// <summary>Keep the owner (with a <c>foregroundDeletion</c> finalizer) until its dependents are gone.</summary>
    Foreground,
}
