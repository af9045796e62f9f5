using Karmada.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Storage.Tests.Sqlite;

/// <summary>
/// Entry point of this test assembly when a test runs it as a child process: with
/// <c>sqlite-crash-writer &lt;dir&gt;</c> it writes forever from 16 concurrent writers and prints every
/// acknowledged write, so the parent can kill it mid-flight and check what survived. The test host never calls it.
/// </summary>
public static class CrashWriterProgram
{
    public const string Command = "sqlite-crash-writer";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 2 || args[0] != Command)
        {
            return 0;
        }

        var store = SqliteObjectStore.Open(args[1], NullLogger.Instance);
        var writers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            for (var i = 0; ; i++)
            {
                var key = KeyFor(w, i);
                var created = await store.CreateAsync(key, ValueFor(key), CancellationToken.None);
                await Console.Out.WriteLineAsync($"ACK {key} {created.ModRevision}");
            }
        }));
        await Task.WhenAll(writers);
        return 1;
    }

    public static string KeyFor(int writer, int index) => $"/registry/crash/w{writer:D2}/{index:D6}";

    public static byte[] ValueFor(string key)
    {
        // string.GetHashCode is randomized per process, and parent and child must agree on the bytes.
        var seed = 17;
        foreach (var c in key)
        {
            seed = unchecked((seed * 31) + c);
        }

        var value = new byte[3000];
        new Random(seed).NextBytes(value);
        return value;
    }
}
