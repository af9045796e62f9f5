namespace Karmada.Storage;

/// <summary>
/// A revisioned key-value store with etcd v3 semantics: one global, monotonically increasing revision
/// shared by all keys; compare-and-swap writes on the key's modification revision; watch from a revision;
/// compaction of history. The API server maps <c>metadata.resourceVersion</c> to the revision and owns
/// read-modify-write retries; stores never interpret values.
/// </summary>
/// <remarks>
/// Values never carry the resourceVersion: the API server injects the revision when it hands an object out,
/// exactly as kube-apiserver does over etcd. A write is acknowledged only once it is durable for the backend
/// (SQLite: committed with synchronous=FULL; etcd: committed by raft; memory: never).
/// </remarks>
public interface IObjectStore : IAsyncDisposable
{
    /// <summary>The name shown in logs and benchmarks: <c>sqlite</c>, <c>etcd</c> or <c>memory</c>.</summary>
    string Backend { get; }

    /// <summary>Reads one key at the latest revision, or null when absent.</summary>
    ValueTask<StoredObject?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Lists keys starting with <paramref name="prefix"/> in key order at the latest revision.
    /// </summary>
    ValueTask<ListResult> ListAsync(string prefix, ListRequest request, CancellationToken cancellationToken);

    /// <summary>Creates a key; fails with <see cref="StorageErrorKind.AlreadyExists"/> when present.</summary>
    ValueTask<StoredObject> CreateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a key's value if its modification revision equals <paramref name="expectedRevision"/>;
    /// fails with <see cref="StorageErrorKind.Conflict"/> otherwise and <see cref="StorageErrorKind.NotFound"/>
    /// when absent.
    /// </summary>
    ValueTask<StoredObject> UpdateAsync(string key, ReadOnlyMemory<byte> value, long expectedRevision, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a key, optionally only if its modification revision equals <paramref name="expectedRevision"/>.
    /// Returns the last value with <see cref="StoredObject.ModRevision"/> set to the revision of the deletion.
    /// </summary>
    ValueTask<StoredObject> DeleteAsync(string key, long? expectedRevision, CancellationToken cancellationToken);

    /// <summary>
    /// Streams every change under <paramref name="prefix"/> with a revision greater than
    /// <paramref name="afterRevision"/>, in revision order, until cancelled. Throws
    /// <see cref="StorageException"/> with <see cref="StorageErrorKind.Expired"/> when that history was compacted.
    /// </summary>
    IAsyncEnumerable<StoreEvent> WatchAsync(string prefix, long afterRevision, CancellationToken cancellationToken);

    /// <summary>The store's current revision (the revision of the last committed write).</summary>
    ValueTask<long> GetCurrentRevisionAsync(CancellationToken cancellationToken);

    /// <summary>Discards history at and below <paramref name="revision"/>; later watches from there expire.</summary>
    ValueTask CompactAsync(long revision, CancellationToken cancellationToken);
}
