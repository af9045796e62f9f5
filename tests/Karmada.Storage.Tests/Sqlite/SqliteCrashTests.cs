using System.Diagnostics;
using Karmada.Storage.Sqlite;
using Karmada.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Storage.Tests.Sqlite;

[Trait("Category", "Integration")]
public sealed class SqliteCrashTests
{
    [Fact]
    public async Task KillDashNine_DuringWrites_EveryAcknowledgedWriteSurvives()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var directory = new TempDirectory("karmada-crash");
        var acknowledged = new Dictionary<string, long>();
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", typeof(CrashWriterProgram).Assembly.Location, CrashWriterProgram.Command, directory.Path })
        {
            info.ArgumentList.Add(arg);
        }

        using (var child = Process.Start(info)!)
        {
            var stderr = child.StandardError.ReadToEndAsync(timeout.Token);
            while (acknowledged.Count < 400)
            {
                var line = await child.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"the writer exited early:\n{await stderr}");
                var parts = line.Split(' ');
                acknowledged[parts[1]] = long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
            }

            // SIGKILL: no disposal, no checkpoint, no flush beyond what each commit already made durable.
            child.Kill();
            await child.WaitForExitAsync(timeout.Token);
        }

        await using var store = SqliteObjectStore.Open(directory.Path, NullLogger.Instance);
        foreach (var (key, revision) in acknowledged)
        {
            var stored = await store.GetAsync(key, timeout.Token);
            Assert.True(stored is not null, $"acknowledged write {key} at revision {revision} was lost");
            Assert.Equal(revision, stored.ModRevision);
            Assert.Equal(CrashWriterProgram.ValueFor(key), stored.Value.ToArray());
        }

        var current = await store.GetCurrentRevisionAsync(timeout.Token);
        Assert.True(current >= acknowledged.Values.Max());
        var next = await store.CreateAsync("/registry/after-crash", new byte[] { 1 }, timeout.Token);
        Assert.Equal(current + 1, next.ModRevision);
    }

    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
