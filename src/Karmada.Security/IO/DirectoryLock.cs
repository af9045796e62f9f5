using System.Collections.Concurrent;

namespace Karmada.Security.IO;

/// <summary>
/// An exclusive lock on a directory, held through a lock file opened without sharing, so it excludes other processes
/// (the API server and simulated members may be started together on one data directory). Callers in this process
/// queue on an in-process semaphore first and take the file only at their turn: hundreds of simulated members starting
/// together on one directory then wait in order for each other, however slowly a loaded machine issues their
/// certificates, and the timeout bounds only the wait for another process.
/// </summary>
public sealed class DirectoryLock : IAsyncDisposable
{
    /// <summary>The lock file's name inside the locked directory.</summary>
    public const string FileName = ".karmada-security.lock";

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> InProcessTurns = new(StringComparer.Ordinal);

    private readonly FileStream _stream;
    private readonly SemaphoreSlim _turn;

    private DirectoryLock(FileStream stream, SemaphoreSlim turn)
    {
        _stream = stream;
        _turn = turn;
    }

    /// <summary>Waits until the lock on <paramref name="directory"/> is free, then takes it.</summary>
    /// <param name="directory">The directory to lock; created if missing.</param>
    /// <param name="timeout">How long to wait for a holder in another process before giving up.</param>
    /// <param name="timeProvider">Clock for the retry delays.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="TimeoutException">Another process kept the lock for longer than <paramref name="timeout"/>.</exception>
    public static async Task<DirectoryLock> AcquireAsync(string directory, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(timeProvider);

        Directory.CreateDirectory(directory);
        var path = Path.GetFullPath(Path.Combine(directory, FileName));
        var turn = InProcessTurns.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken);
        try
        {
            return new DirectoryLock(await OpenLockFileAsync(directory, path, timeout, timeProvider, cancellationToken), turn);
        }
        catch
        {
            turn.Release();
            throw;
        }
    }

    /// <summary>Releases the lock.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _stream.DisposeAsync();
        }
        finally
        {
            _turn.Release();
        }
    }

    private static async Task<FileStream> OpenLockFileAsync(string directory, string path, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            try
            {
                return new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate,
                    Access = FileAccess.ReadWrite,
                    Share = FileShare.None,
                });
            }
            catch (IOException ex)
            {
                // Held by another process: .NET maps FileShare.None to an advisory flock on Unix and a share mode on Windows.
                if (timeProvider.GetElapsedTime(started) >= timeout)
                {
                    throw new TimeoutException($"The directory '{directory}' stayed locked for {timeout} (lock file '{path}').", ex);
                }
            }

            await Task.Delay(delay, timeProvider, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }
    }
}
