using Karmada.Security.IO;
using Karmada.Testing;

namespace Karmada.Security.Tests.IO;

public sealed class DirectoryLockTests : IDisposable
{
    private readonly TempDirectory _temp = new("karmada-lock");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AcquireAsync_WhileHeld_WaitsUntilReleased()
    {
        var first = await DirectoryLock.AcquireAsync(_temp.Path, TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);
        var released = false;

        var second = Task.Run(async () =>
        {
            var acquired = await DirectoryLock.AcquireAsync(_temp.Path, TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);
            Assert.True(Volatile.Read(ref released), "the second holder got the lock while the first still held it");
            return acquired;
        });

        // Let the second caller find the lock taken at least once before releasing it.
        await Eventually.UntilAsync(() => File.Exists(Path.Combine(_temp.Path, DirectoryLock.FileName)), TimeSpan.FromSeconds(5), "lock file exists");
        Assert.False(second.IsCompleted);
        Volatile.Write(ref released, true);
        await first.DisposeAsync();

        await using var secondLock = await second.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AcquireAsync_HeldByAnotherProcessPastTheTimeout_ThrowsTimeoutException()
    {
        // Another process's holder, as the lock sees it: the lock file opened without sharing, outside DirectoryLock.
        using var otherProcess = new FileStream(
            Path.Combine(_temp.Path, DirectoryLock.FileName),
            new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None });

        await Assert.ThrowsAsync<TimeoutException>(() => DirectoryLock.AcquireAsync(_temp.Path, TimeSpan.FromMilliseconds(100), TimeProvider.System, CancellationToken.None));

        // The failed wait gave its in-process turn back.
        otherProcess.Dispose();
        await using var acquired = await DirectoryLock.AcquireAsync(_temp.Path, TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);
    }

    [Fact]
    public async Task AcquireAsync_HeldInThisProcessPastTheTimeout_QueuesForItsTurn()
    {
        var first = await DirectoryLock.AcquireAsync(_temp.Path, TimeSpan.FromMilliseconds(50), TimeProvider.System, CancellationToken.None);
        var waiters = Enumerable.Range(0, 3)
            .Select(_ => Task.Run(() => DirectoryLock.AcquireAsync(_temp.Path, TimeSpan.FromMilliseconds(50), TimeProvider.System, CancellationToken.None)))
            .ToArray();

        // Well past the waiters' timeout, none has failed or got the lock: they wait their turn, not for the file.
        await Assert.ThrowsAsync<TimeoutException>(() => Task.WhenAny(waiters).WaitAsync(TimeSpan.FromMilliseconds(300)));

        await first.DisposeAsync();
        var pending = waiters.ToList();
        while (pending.Count > 0)
        {
            // One at a time: each holder releases before the next can take it.
            var turn = await Task.WhenAny(pending).WaitAsync(TimeSpan.FromSeconds(30));
            pending.Remove(turn);
            Assert.DoesNotContain(pending, w => w.IsCompleted);
            await (await turn).DisposeAsync();
        }
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_WhileQueued_Throws()
    {
        await using var held = await DirectoryLock.AcquireAsync(_temp.Path, TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DirectoryLock.AcquireAsync(_temp.Path, TimeSpan.FromSeconds(30), TimeProvider.System, cancel.Token));
    }

    [Fact]
    public async Task AcquireAsync_MissingDirectory_CreatesIt()
    {
        var directory = Path.Combine(_temp.Path, "a", "b");

        await using var held = await DirectoryLock.AcquireAsync(directory, TimeSpan.FromSeconds(1), TimeProvider.System, CancellationToken.None);

        Assert.True(Directory.Exists(directory));
    }
}
