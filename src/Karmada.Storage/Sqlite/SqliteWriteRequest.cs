namespace Karmada.Storage.Sqlite;

/// <summary>Work queued for the single writer thread.</summary>
internal abstract class SqliteWriteRequest
{
    private const int Queued = 0;
    private const int Started = 1;
    private const int Cancelled = 2;

    private int _state;

    /// <summary>Claims the request for execution; false when its caller gave up while it was queued.</summary>
    public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Queued) == Queued;

    /// <summary>Withdraws a queued request; once started, the caller waits for the real outcome instead.</summary>
    public bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued;

    public abstract void Fail(Exception exception);
}
