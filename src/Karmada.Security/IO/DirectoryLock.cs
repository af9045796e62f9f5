namespace Karmada.Security.IO;

/// <summary>
/// An exclusive lock on a directory, held through a lock file opened without sharing. It excludes other processes
/// (the API server and simulated members may be started together on one data directory) as well as other callers
/// in this process, because every holder opens the file anew.
/// </summary>
public sealed class DirectoryLock : IAsyncDisposable
{
    /// <summary>The lock file's name inside the locked directory.</summary>
    public const string FileName = ".karmada-security.lock";

    private readonly FileStream _stream;

    private DirectoryLock(FileStream stream)
    {
        _stream = stream;
    }

    /// <summary>Waits until the lock on <paramref name="directory"/> is free, then takes it.</summary>
    /// <param name="directory">The directory to lock; created if missing.</param>
    /// <param name="timeout">How long to wait for another holder before giving up.</param>
    /// <param name="timeProvider">Clock for the retry delays.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="TimeoutException">Another holder kept the lock for longer than <paramref name="timeout"/>.</exception>
    public static async Task<DirectoryLock> AcquireAsync(string directory, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(timeProvider);

        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        var started = timeProvider.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            try
            {
                var stream = new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate,
                    Access = FileAccess.ReadWrite,
                    Share = FileShare.None,
                });
                return new DirectoryLock(stream);
            }
            catch (IOException ex)
            {
                // Held by someone else: .NET maps FileShare.None to an advisory flock on Unix and a share mode on Windows.
                if (timeProvider.GetElapsedTime(started) >= timeout)
                {
                    throw new TimeoutException($"The directory '{directory}' stayed locked for {timeout} (lock file '{path}').", ex);
                }
            }

            await Task.Delay(delay, timeProvider, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }
    }

    /// <summary>Releases the lock.</summary>
    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
