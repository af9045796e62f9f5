namespace Karmada.Storage.Sqlite;

/// <summary>
/// A compaction: first persists the new floor, then deletes log rows in chunks, going back into the queue between
/// chunks so a large compaction never stalls writers for long.
/// </summary>
internal sealed class SqliteCompaction(long revision, TaskCompletionSource completion) : SqliteWriteRequest
{
    public long Revision { get; } = revision;

    public bool FloorPersisted { get; set; }

    public long RowsDeleted { get; set; }

    public TaskCompletionSource Completion { get; } = completion;

    public override void Fail(Exception exception) => Completion.TrySetException(exception);
}
