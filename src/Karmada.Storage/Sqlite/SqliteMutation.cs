namespace Karmada.Storage.Sqlite;

/// <summary>One create, update or delete waiting for a group commit.</summary>
internal sealed class SqliteMutation(SqliteMutationKind kind, string key, byte[] value, long? expectedRevision, TaskCompletionSource<StoredObject> completion) : SqliteWriteRequest
{
    public SqliteMutationKind Kind { get; } = kind;

    public string Key { get; } = key;

    /// <summary>A private copy: it is written, returned to the caller and handed to watchers.</summary>
    public byte[] Value { get; } = value;

    public long? ExpectedRevision { get; } = expectedRevision;

    public TaskCompletionSource<StoredObject> Completion { get; } = completion;

    /// <summary>Outcome decided inside the batch transaction, reported only after it commits.</summary>
    public StoredObject? Result { get; set; }

    public StorageException? Error { get; set; }

    public StoreEvent? Event { get; set; }

    public override void Fail(Exception exception) => Completion.TrySetException(exception);

    public void Complete()
    {
        if (Error is not null)
        {
            Completion.TrySetException(Error);
        }
        else
        {
            Completion.TrySetResult(Result!);
        }
    }
}
