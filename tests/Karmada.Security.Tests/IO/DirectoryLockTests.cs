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
    public async Task AcquireAsync_HeldPastTheTimeout_ThrowsTimeoutException()
    {
        await using var held = await DirectoryLock.AcquireAsync(_temp.Path, TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);

        await Assert.ThrowsAsync<TimeoutException>(() => DirectoryLock.AcquireAsync(_temp.Path, TimeSpan.FromMilliseconds(100), TimeProvider.System, CancellationToken.None));
    }

    [Fact]
    public async Task AcquireAsync_MissingDirectory_CreatesIt()
    {
        var directory = Path.Combine(_temp.Path, "a", "b");

        await using var held = await DirectoryLock.AcquireAsync(directory, TimeSpan.FromSeconds(1), TimeProvider.System, CancellationToken.None);

        Assert.True(Directory.Exists(directory));
    }
}
