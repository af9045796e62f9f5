using System.Runtime.CompilerServices;
using System.Text;
using dotnet_etcd;
using Etcdserverpb;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Mvccpb;

namespace Karmada.Storage.Etcd;

/// <summary>
/// The store over a real etcd v3 cluster. Every key lives under a root prefix so several control planes (or test
/// runs) can share one etcd. Revisions are etcd's own, so they are unique and increasing but not consecutive
/// when the etcd is shared.
/// </summary>
public sealed class EtcdObjectStore : IObjectStore
{
    private readonly EtcdClient _client;
    private readonly string _root;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _closing = new();
    private long _compactedRevision;
    private int _disposed;

    private EtcdObjectStore(EtcdClient client, string root, ILogger logger)
    {
        _client = client;
        _root = root;
        _logger = logger;
    }

    public string Backend => "etcd";

    /// <summary>The root prefix every key is stored under (may be empty).</summary>
    public string RootPrefix => _root;

    /// <summary>
    /// Connects to <paramref name="servers"/> (comma-separated <c>http://host:port</c> URLs) and checks that etcd
    /// answers; fails with <see cref="StorageErrorKind.Unavailable"/> when it does not.
    /// </summary>
    public static async Task<EtcdObjectStore> ConnectAsync(string servers, string rootPrefix, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(servers);
        ArgumentNullException.ThrowIfNull(rootPrefix);
        ArgumentNullException.ThrowIfNull(logger);
        var client = new EtcdClient(servers, configureChannelOptions: options =>
        {
            // Lists of thousands of objects exceed gRPC's 4 MB default; etcd itself bounds responses.
            options.MaxReceiveMessageSize = null;
            options.MaxSendMessageSize = null;
        });
        var store = new EtcdObjectStore(client, rootPrefix, logger);
        try
        {
            var revision = await store.GetCurrentRevisionAsync(cancellationToken);
            StorageLog.EtcdConnected(logger, servers, rootPrefix, revision);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    public async ValueTask<StoredObject?> GetAsync(string key, CancellationToken cancellationToken)
    {
        StorageKeys.ValidateKey(key);
        var response = await CallAsync(key, token => _client.GetAsync(new RangeRequest { Key = Encode(key) }, cancellationToken: token), cancellationToken);
        return response.Kvs.Count == 0 ? null : ToStored(response.Kvs[0]);
    }

    public async ValueTask<ListResult> ListAsync(string prefix, ListRequest request, CancellationToken cancellationToken)
    {
        StorageKeys.ValidateList(prefix, request);
        var fullPrefix = Encoding.UTF8.GetBytes(_root + prefix);
        var range = new RangeRequest
        {
            Key = request.StartAfterKey is { } after && StorageKeyComparer.CompareKeys(after, prefix) >= 0
                ? EtcdKeyRange.After(_root + after)
                : EtcdKeyRange.Start(fullPrefix),
            RangeEnd = EtcdKeyRange.PrefixEnd(fullPrefix),
            Limit = request.Limit,
        };
        var response = await CallAsync(prefix, token => _client.GetAsync(range, cancellationToken: token), cancellationToken);
        var items = new List<StoredObject>(response.Kvs.Count);
        foreach (var kv in response.Kvs)
        {
            items.Add(ToStored(kv));
        }

        return new ListResult(items, response.Header.Revision, response.More);
    }

    public async ValueTask<StoredObject> CreateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        StorageKeys.ValidateKey(key);
        var etcdKey = Encode(key);
        var txn = new TxnRequest
        {
            Compare = { new Compare { Key = etcdKey, Target = Compare.Types.CompareTarget.Create, Result = Compare.Types.CompareResult.Equal, CreateRevision = 0 } },
            Success = { new RequestOp { RequestPut = new PutRequest { Key = etcdKey, Value = ByteString.CopyFrom(value.Span) } } },
        };
        var response = await CallAsync(key, token => _client.TransactionAsync(txn, cancellationToken: token), cancellationToken);
        if (!response.Succeeded)
        {
            throw StorageKeys.AlreadyExists(key);
        }

        var revision = response.Header.Revision;
        return new StoredObject(key, value.ToArray(), revision, revision);
    }

    public async ValueTask<StoredObject> UpdateAsync(string key, ReadOnlyMemory<byte> value, long expectedRevision, CancellationToken cancellationToken)
    {
        StorageKeys.ValidateKey(key);
        var etcdKey = Encode(key);
        var txn = new TxnRequest
        {
            Compare = { Exists(etcdKey), ModifiedAt(etcdKey, expectedRevision) },
            Success = { new RequestOp { RequestPut = new PutRequest { Key = etcdKey, Value = ByteString.CopyFrom(value.Span), PrevKv = true } } },
            Failure = { new RequestOp { RequestRange = new RangeRequest { Key = etcdKey, KeysOnly = true } } },
        };
        var response = await CallAsync(key, token => _client.TransactionAsync(txn, cancellationToken: token), cancellationToken);
        if (!response.Succeeded)
        {
            throw FailedPrecondition(key, expectedRevision, response);
        }

        var previous = response.Responses[0].ResponsePut.PrevKv;
        return new StoredObject(key, value.ToArray(), previous.CreateRevision, response.Header.Revision);
    }

    public async ValueTask<StoredObject> DeleteAsync(string key, long? expectedRevision, CancellationToken cancellationToken)
    {
        StorageKeys.ValidateKey(key);
        var etcdKey = Encode(key);
        var txn = new TxnRequest
        {
            Compare = { Exists(etcdKey) },
            Success = { new RequestOp { RequestDeleteRange = new DeleteRangeRequest { Key = etcdKey, PrevKv = true } } },
            Failure = { new RequestOp { RequestRange = new RangeRequest { Key = etcdKey, KeysOnly = true } } },
        };
        if (expectedRevision is { } expected)
        {
            txn.Compare.Add(ModifiedAt(etcdKey, expected));
        }

        var response = await CallAsync(key, token => _client.TransactionAsync(txn, cancellationToken: token), cancellationToken);
        if (!response.Succeeded)
        {
            throw FailedPrecondition(key, expectedRevision ?? 0, response);
        }

        var previous = response.Responses[0].ResponseDeleteRange.PrevKvs[0];
        return new StoredObject(key, previous.Value.Memory, previous.CreateRevision, response.Header.Revision);
    }

    public async IAsyncEnumerable<StoreEvent> WatchAsync(string prefix, long afterRevision, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        StorageKeys.ValidateWatch(prefix, afterRevision);
        ThrowIfDisposed();
        var compacted = Interlocked.Read(ref _compactedRevision);
        if (afterRevision < compacted)
        {
            throw StorageKeys.Expired(prefix, afterRevision, compacted, "history was compacted");
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        var fullPrefix = Encoding.UTF8.GetBytes(_root + prefix);
        using var call = _client.GetConnection().WatchClient.Watch(cancellationToken: linked.Token);
        var create = new WatchRequest
        {
            CreateRequest = new WatchCreateRequest
            {
                Key = EtcdKeyRange.Start(fullPrefix),
                RangeEnd = EtcdKeyRange.PrefixEnd(fullPrefix),
                StartRevision = afterRevision + 1,
                PrevKv = true,
            },
        };
        await GuardAsync(prefix, () => call.RequestStream.WriteAsync(create, linked.Token), cancellationToken);
        while (true)
        {
            var response = await GuardAsync(prefix, () => ReadAsync(call.ResponseStream, linked.Token), cancellationToken)
                ?? throw new StorageException(StorageErrorKind.Unavailable, prefix, "etcd closed the watch stream");
            if (response.CompactRevision > 0)
            {
                // etcd keeps the event at its compaction revision, so the oldest valid "after" is one below it.
                throw StorageKeys.Expired(prefix, afterRevision, response.CompactRevision - 1, "etcd compacted that history");
            }

            if (response.Canceled)
            {
                throw new StorageException(StorageErrorKind.Unavailable, prefix, $"etcd cancelled the watch: {response.CancelReason}");
            }

            foreach (var e in response.Events)
            {
                yield return ToEvent(e);
            }
        }
    }

    public async ValueTask<long> GetCurrentRevisionAsync(CancellationToken cancellationToken)
    {
        // Any response header carries the store-wide revision; a keys-only read of one key is the cheapest request.
        var request = new RangeRequest { Key = Encode("/"), KeysOnly = true, Limit = 1 };
        var response = await CallAsync(_root, token => _client.GetAsync(request, cancellationToken: token), cancellationToken);
        return response.Header.Revision;
    }

    /// <summary>
    /// Compacts etcd (the whole cluster, not just this prefix: etcd has one history). etcd keeps the event at its
    /// compaction revision, so it is asked to compact one revision higher whenever that exists.
    /// </summary>
    public async ValueTask CompactAsync(long revision, CancellationToken cancellationToken)
    {
        var current = await GetCurrentRevisionAsync(cancellationToken);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(revision, current);
        if (revision <= 0)
        {
            return;
        }

        var request = new CompactionRequest { Revision = Math.Min(revision + 1, current) };
        try
        {
            await CallAsync(_root, token => _client.CompactAsync(request, cancellationToken: token), cancellationToken);
        }
        catch (StorageException ex) when (ex.InnerException is RpcException { StatusCode: StatusCode.OutOfRange })
        {
            // Already compacted at or beyond that revision: nothing left to do.
        }

        InterlockedMax(ref _compactedRevision, revision);
        StorageLog.EtcdCompacted(_logger, revision);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _closing.CancelAsync();
        _client.Dispose();
        _closing.Dispose();
    }

    private static Compare Exists(ByteString key) =>
        new() { Key = key, Target = Compare.Types.CompareTarget.Create, Result = Compare.Types.CompareResult.Greater, CreateRevision = 0 };

    private static Compare ModifiedAt(ByteString key, long revision) =>
        new() { Key = key, Target = Compare.Types.CompareTarget.Mod, Result = Compare.Types.CompareResult.Equal, ModRevision = revision };

    private static StorageException FailedPrecondition(string key, long expectedRevision, TxnResponse response)
    {
        var kvs = response.Responses[0].ResponseRange.Kvs;
        return kvs.Count == 0 ? StorageKeys.NotFound(key) : StorageKeys.Conflict(key, expectedRevision, kvs[0].ModRevision);
    }

    private static async Task<WatchResponse?> ReadAsync(IAsyncStreamReader<WatchResponse> stream, CancellationToken cancellationToken) =>
        await stream.MoveNext(cancellationToken) ? stream.Current : null;

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private ByteString Encode(string key) => ByteString.CopyFromUtf8(_root + key);

    private string Decode(ByteString key) => key.ToStringUtf8()[_root.Length..];

    private StoredObject ToStored(KeyValue kv) => new(Decode(kv.Key), kv.Value.Memory, kv.CreateRevision, kv.ModRevision);

    private StoreEvent ToEvent(Mvccpb.Event e)
    {
        var key = Decode(e.Kv.Key);
        var previous = e.PrevKv is { } p ? p.Value.Memory : (ReadOnlyMemory<byte>?)null;
        if (e.Type == Mvccpb.Event.Types.EventType.Delete)
        {
            // A delete carries only the key; the last value and creation revision come from prev_kv.
            return new StoreEvent(StoreEventType.Deleted, key, previous ?? ReadOnlyMemory<byte>.Empty, e.Kv.ModRevision, e.PrevKv?.CreateRevision ?? 0, previous);
        }

        var type = e.Kv.CreateRevision == e.Kv.ModRevision ? StoreEventType.Created : StoreEventType.Updated;
        return new StoreEvent(type, key, e.Kv.Value.Memory, e.Kv.ModRevision, e.Kv.CreateRevision, type == StoreEventType.Updated ? previous : null);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private async Task<T> CallAsync<T>(string key, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return await GuardAsync(key, () => call(cancellationToken), cancellationToken);
    }

    private async Task GuardAsync(string key, Func<Task> call, CancellationToken cancellationToken) =>
        await GuardAsync(key, async () =>
        {
            await call();
            return true;
        }, cancellationToken);

    /// <summary>Turns transport failures into <see cref="StorageErrorKind.Unavailable"/>; cancellation stays cancellation.</summary>
    private async Task<T> GuardAsync<T>(string key, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (RpcException ex)
        {
            throw new StorageException(StorageErrorKind.Unavailable, key, $"etcd request failed: {ex.Status.Detail} ({ex.StatusCode})", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && _closing.IsCancellationRequested)
        {
            throw new StorageException(StorageErrorKind.Unavailable, key, "the etcd store is closed", ex);
        }
    }
}
