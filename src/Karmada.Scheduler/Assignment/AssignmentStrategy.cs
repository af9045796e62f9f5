namespace Karmada.Scheduler.Assignment;

/// <summary>How replicas are divided, derived from <c>placement.replicaScheduling</c> (upstream's strategy types).</summary>
public enum AssignmentStrategy
{
    /// <summary>Every cluster gets all replicas (Duplicated, or no replica scheduling).</summary>
    Duplicated,

    /// <summary>Divided + Aggregated: as few clusters as possible, by available replicas.</summary>
    Aggregated,

    /// <summary>Divided + Weighted with a static weight list (or none).</summary>
    StaticWeight,

    /// <summary>Divided + Weighted by available replicas.</summary>
    DynamicWeight,

    /// <summary>Divided without a division preference: upstream rejects it.</summary>
    Unsupported,
}
