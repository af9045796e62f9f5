using System.Diagnostics.Metrics;

namespace Karmada.Storage;

/// <summary>
/// The storage instruments (named like etcd's disk metrics), so commit latency, batching and checkpoints can be
/// watched in production and explained in benchmarks. Listen with a <see cref="MeterListener"/> on
/// <see cref="MeterName"/>.
/// </summary>
public static class StorageMetrics
{
    public const string MeterName = "Karmada.Storage";

    /// <summary>Instrument name of <see cref="SqliteCommitDuration"/>.</summary>
    public const string SqliteCommitDurationName = "karmada_storage_sqlite_commit_duration_seconds";

    /// <summary>Instrument name of <see cref="SqliteBatchSize"/>.</summary>
    public const string SqliteBatchSizeName = "karmada_storage_sqlite_batch_writes";

    /// <summary>Instrument name of <see cref="SqliteCheckpointDuration"/>.</summary>
    public const string SqliteCheckpointDurationName = "karmada_storage_sqlite_checkpoint_duration_seconds";

    /// <summary>Instrument name of <see cref="SqliteCatchUpCheckpointDuration"/>.</summary>
    public const string SqliteCatchUpCheckpointDurationName = "karmada_storage_sqlite_catchup_checkpoint_duration_seconds";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>One group commit, from BEGIN to a durable COMMIT (the fsync of the WAL included).</summary>
    internal static readonly Histogram<double> SqliteCommitDuration =
        Meter.CreateHistogram<double>(SqliteCommitDurationName, "s", "Time of one durable SQLite write transaction (group commit).");

    /// <summary>Writes that shared one commit.</summary>
    internal static readonly Histogram<int> SqliteBatchSize =
        Meter.CreateHistogram<int>(SqliteBatchSizeName, "{write}", "Writes committed together in one SQLite transaction.");

    /// <summary>One background WAL checkpoint (copy into the database file and its fsync), off the commit path.</summary>
    internal static readonly Histogram<double> SqliteCheckpointDuration =
        Meter.CreateHistogram<double>(SqliteCheckpointDurationName, "s", "Time of one background SQLite WAL checkpoint.");

    /// <summary>The writer copying the last frames a background checkpoint left, between two batches.</summary>
    internal static readonly Histogram<double> SqliteCatchUpCheckpointDuration =
        Meter.CreateHistogram<double>(SqliteCatchUpCheckpointDurationName, "s", "Time the SQLite writer spends finishing a background checkpoint so the WAL can restart.");
}
