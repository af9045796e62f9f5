using System.Text;
using Karmada.Storage.Memory;
using Karmada.Storage.Sqlite;
using Karmada.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Storage.Tests;

/// <summary>
/// Replays the same seeded random operations against the memory store (the model) and the SQLite store and
/// requires identical outcomes: values, revisions, errors, list pages and the full watch history.
/// </summary>
public sealed class ObjectStoreModelTests
{
    private static readonly string[] Prefixes = ["/registry/core/pods/ns1/", "/registry/core/pods/ns2/", "/registry/apps/deployments/ns1/"];

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2024)]
    public async Task RandomOperations_MemoryAndSqlite_GiveIdenticalResults(int seed)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        using var directory = new TempDirectory("karmada-model");
        await using var model = new MemoryObjectStore();

        // A tiny in-memory history forces the SQLite watch below to replay most events from its log.
        await using var sqlite = SqliteObjectStore.Open(directory.Path, historyCapacity: 16, watchBufferCapacity: 10_000, NullLogger.Instance);
        var random = new Random(seed);
        var keys = Prefixes.SelectMany(p => Enumerable.Range(0, 8).Select(i => $"{p}obj-{i}")).ToArray();
        var seenRevisions = new List<long> { 0 };

        for (var step = 0; step < 1500; step++)
        {
            var key = keys[random.Next(keys.Length)];
            var roll = random.Next(100);
            string expected, actual;
            if (roll < 30)
            {
                var value = RandomValue(random);
                expected = await OutcomeAsync(() => model.CreateAsync(key, value, ct));
                actual = await OutcomeAsync(() => sqlite.CreateAsync(key, value, ct));
            }
            else if (roll < 55)
            {
                var value = RandomValue(random);
                var current = await model.GetAsync(key, ct);
                var revision = current is not null && random.Next(10) < 7 ? current.ModRevision : seenRevisions[random.Next(seenRevisions.Count)];
                expected = await OutcomeAsync(() => model.UpdateAsync(key, value, revision, ct));
                actual = await OutcomeAsync(() => sqlite.UpdateAsync(key, value, revision, ct));
            }
            else if (roll < 70)
            {
                var current = await model.GetAsync(key, ct);
                long? revision = random.Next(3) switch
                {
                    0 => null,
                    1 => current?.ModRevision ?? 1,
                    _ => seenRevisions[random.Next(seenRevisions.Count)],
                };
                expected = await OutcomeAsync(() => model.DeleteAsync(key, revision, ct));
                actual = await OutcomeAsync(() => sqlite.DeleteAsync(key, revision, ct));
            }
            else if (roll < 85)
            {
                expected = Describe(await model.GetAsync(key, ct));
                actual = Describe(await sqlite.GetAsync(key, ct));
            }
            else
            {
                var prefix = random.Next(4) == 0 ? "/registry/" : Prefixes[random.Next(Prefixes.Length)];
                var request = new ListRequest(random.Next(3) == 0 ? keys[random.Next(keys.Length)] : null, random.Next(5));
                expected = Describe(await model.ListAsync(prefix, request, ct));
                actual = Describe(await sqlite.ListAsync(prefix, request, ct));
            }

            Assert.True(expected == actual, $"seed {seed}, step {step}: memory gave\n{expected}\nbut SQLite gave\n{actual}");
            seenRevisions.Add(await model.GetCurrentRevisionAsync(ct));
        }

        var finalRevision = await model.GetCurrentRevisionAsync(ct);
        Assert.Equal(finalRevision, await sqlite.GetCurrentRevisionAsync(ct));
        Assert.True(finalRevision > 300, $"the sequence should have written plenty, wrote {finalRevision}");
        var modelHistory = await HistoryAsync(model, finalRevision, ct);
        var sqliteHistory = await HistoryAsync(sqlite, finalRevision, ct);
        Assert.Equal(modelHistory, sqliteHistory);
    }

    private static byte[] RandomValue(Random random)
    {
        var value = new byte[random.Next(0, 64)];
        random.NextBytes(value);
        return value;
    }

    private static async Task<string> OutcomeAsync(Func<ValueTask<StoredObject>> operation)
    {
        try
        {
            return Describe(await operation());
        }
        catch (StorageException ex)
        {
            return $"error {ex.Kind} {ex.Key}";
        }
    }

    private static string Describe(StoredObject? o) =>
        o is null ? "null" : $"{o.Key} create={o.CreateRevision} mod={o.ModRevision} value={Convert.ToHexString(o.Value.Span)}";

    private static string Describe(ListResult result)
    {
        var text = new StringBuilder($"revision={result.Revision} more={result.HasMore}");
        foreach (var item in result.Items)
        {
            text.Append('\n').Append(Describe(item));
        }

        return text.ToString();
    }

    private static async Task<List<string>> HistoryAsync(IObjectStore store, long upTo, CancellationToken cancellationToken)
    {
        var events = new List<string>();
        await foreach (var e in store.WatchAsync("/registry/", 0, cancellationToken))
        {
            var previous = e.PreviousValue is { } p ? Convert.ToHexString(p.Span) : "none";
            events.Add($"{e.Revision} {e.Type} {e.Key} create={e.CreateRevision} value={Convert.ToHexString(e.Value.Span)} previous={previous}");
            if (e.Revision == upTo)
            {
                break;
            }
        }

        return events;
    }
}
