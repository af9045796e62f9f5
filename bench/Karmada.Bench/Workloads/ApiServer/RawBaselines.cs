using Karmada.Bench.Infrastructure;
using Karmada.Bench.Measurement;
using Karmada.Storage;
using Karmada.Storage.Etcd;
using Karmada.Storage.Memory;
using Karmada.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Bench.Workloads.ApiServer;

/// <summary>
/// Same-size, same-durability writes straight to the backend, without HTTP, JSON or admission: the floor the API
/// server's creates are compared with.
/// </summary>
public static class RawBaselines
{
    /// <summary>
    /// CreateAsync on a fresh store of the backend at concurrency 1 and 16; <paramref name="tails"/> gets what the
    /// c16 phase's tail is made of, named like the phase.
    /// </summary>
    public static async Task<IReadOnlyList<PhaseResult>> StoreCreatesAsync(
        string backend,
        Func<CancellationToken, Task<IObjectStore>> openStore,
        byte[] value,
        ApiServerScaleSettings settings,
        Dictionary<string, TailReport> tails,
        CancellationToken cancellationToken)
    {
        var store = await openStore(cancellationToken);
        await using (store)
        {
            var results = new List<PhaseResult>();
            foreach (var (concurrency, operations) in new[] { (1, settings.RawOpsC1), (16, settings.RawOpsC16) })
            {
                var prefix = $"/registry/core/configmaps/raw-c{concurrency}/obj-";
                using var diagnostics = TailDiagnostics.Start();
                var phase = await LoadRunner.RunAsync(
                    $"raw {backend} store create",
                    operations,
                    concurrency,
                    async (_, index, ct) => await store.CreateAsync(prefix + index.ToString("D6", null), value, ct),
                    cancellationToken);
                var tail = diagnostics.Stop();
                if (concurrency > 1)
                {
                    tails[phase.Name] = tail;
                }

                results.Add(phase);
            }

            return results;
        }
    }

    public static Task<IObjectStore> OpenSqliteAsync(string directory) =>
        Task.FromResult<IObjectStore>(SqliteObjectStore.Open(directory, NullLogger.Instance));

    public static Task<IObjectStore> OpenMemoryAsync() => Task.FromResult<IObjectStore>(new MemoryObjectStore());

    public static async Task<IObjectStore> OpenEtcdAsync(string servers, CancellationToken cancellationToken) =>
        await EtcdObjectStore.ConnectAsync(servers, "/rawbench", NullLogger.Instance, cancellationToken);

    /// <summary>
    /// A plain Microsoft.Data.Sqlite loop: WAL, synchronous=FULL, one single-row INSERT per transaction (autocommit),
    /// prepared once. At concurrency 16 each worker has its own connection and waits on SQLite's busy handler, as a
    /// naive multi-connection program would. Workers run on dedicated threads (the calls block).
    /// </summary>
    public static async Task<PhaseResult> PlainSqliteCommitsAsync(byte[] value, int operations, int concurrency, CancellationToken cancellationToken)
    {
        using var scratch = new ScratchDirectory("plain-sqlite");
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(scratch.Path, "plain.db"),
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString();
        using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync(cancellationToken);
            using var command = setup.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE kv(key TEXT PRIMARY KEY, value BLOB NOT NULL, rev INTEGER NOT NULL);";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var workers = new (SqliteConnection Connection, SqliteCommand Insert)[concurrency];
        try
        {
            for (var i = 0; i < concurrency; i++)
            {
                var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                using (var pragma = connection.CreateCommand())
                {
                    pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=60000;";
                    await pragma.ExecuteNonQueryAsync(cancellationToken);
                }

                var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO kv(key, value, rev) VALUES ($key, $value, $rev)";
                insert.Parameters.Add("$key", SqliteType.Text);
                insert.Parameters.Add("$value", SqliteType.Blob);
                insert.Parameters.Add("$rev", SqliteType.Integer);
                await insert.PrepareAsync(cancellationToken);
                workers[i] = (connection, insert);
            }

            return await LoadRunner.RunAsync(
                "raw plain SQLite commit",
                operations,
                concurrency,
                (worker, index, _) =>
                {
                    InsertOne(workers[worker].Insert, value, index);
                    return ValueTask.CompletedTask;
                },
                cancellationToken,
                dedicatedThreads: true);
        }
        finally
        {
            foreach (var (connection, insert) in workers)
            {
                insert?.Dispose();
                connection?.Dispose();
            }
        }
    }

    /// <summary>One blocking autocommit insert, as a plain SQLite program does it (no async detour).</summary>
    private static void InsertOne(SqliteCommand insert, byte[] value, int index)
    {
        insert.Parameters[0].Value = "/registry/core/configmaps/plain/obj-" + index.ToString("D6", null);
        insert.Parameters[1].Value = value;
        insert.Parameters[2].Value = index;
        insert.ExecuteNonQuery();
    }
}
