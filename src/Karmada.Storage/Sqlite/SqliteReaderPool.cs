using System.Collections.Concurrent;

namespace Karmada.Storage.Sqlite;

/// <summary>
/// A small set of read connections, opened on demand and reused. Bounded so a burst of readers queues instead of
/// opening a file handle each.
/// </summary>
internal sealed class SqliteReaderPool : IDisposable
{
    private readonly string _connectionString;
    private readonly ConcurrentQueue<SqliteReadConnection> _idle = new();
    private readonly SemaphoreSlim _slots;
    private readonly Lock _gate = new();
    private volatile bool _disposed;

    public SqliteReaderPool(string connectionString, int size)
    {
        _connectionString = connectionString;
        _slots = new SemaphoreSlim(size, size);
    }

    public async ValueTask<SqliteReadConnection> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken);
        if (_idle.TryDequeue(out var connection))
        {
            return connection;
        }

        try
        {
            return new SqliteReadConnection(_connectionString);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public void Return(SqliteReadConnection connection)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _idle.Enqueue(connection);
                _slots.Release();
                return;
            }
        }

        connection.Dispose();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        while (_idle.TryDequeue(out var connection))
        {
            connection.Dispose();
        }
    }
}
