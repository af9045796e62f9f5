using Karmada.ApiServer.Caching;

namespace Karmada.ApiServer.Registry;

/// <summary>The object after a write, whether it was created, and warnings for the client.</summary>
public sealed record WriteResult(CachedObject Object, bool Created, IReadOnlyList<string> Warnings)
{
    /// <summary>For deletes: whether the object is gone (false when finalizers keep it, now with a deletionTimestamp).</summary>
    public bool Deleted { get; init; }
}
