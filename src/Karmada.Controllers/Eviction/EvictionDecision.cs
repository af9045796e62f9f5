namespace Karmada.Controllers.Eviction;

/// <summary>
/// What the taint manager does about one binding on one tainted cluster: evict now, look again after
/// <see cref="RetryAfter"/> (a toleration period is running), or nothing (every taint is tolerated forever).
/// </summary>
public readonly record struct EvictionDecision(bool Evict, TimeSpan? RetryAfter)
{
    /// <summary>Evict now.</summary>
    public static EvictionDecision Now => new(true, null);

    /// <summary>Tolerated for good (or no NoExecute taint).</summary>
    public static EvictionDecision Tolerated => new(false, null);

    /// <summary>Tolerated for <paramref name="remaining"/> more.</summary>
    public static EvictionDecision After(TimeSpan remaining) => new(false, remaining);
}
