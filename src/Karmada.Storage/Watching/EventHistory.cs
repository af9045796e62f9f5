namespace Karmada.Storage.Watching;

/// <summary>
/// A fixed-size ring of the most recent events in revision order. Not thread-safe: <see cref="WatchHub"/> guards it.
/// </summary>
internal sealed class EventHistory
{
    private readonly StoreEvent[] _events;
    private int _start;
    private int _count;

    public EventHistory(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _events = new StoreEvent[capacity];
    }

    public int Count => _count;

    /// <summary>Revision of the oldest retained event, or null when empty.</summary>
    public long? OldestRevision => _count == 0 ? null : _events[_start].Revision;

    public void Append(StoreEvent e)
    {
        if (_events.Length == 0)
        {
            return;
        }

        if (_count < _events.Length)
        {
            _events[(_start + _count) % _events.Length] = e;
            _count++;
            return;
        }

        _events[_start] = e;
        _start = (_start + 1) % _events.Length;
    }

    /// <summary>Appends every retained event after <paramref name="afterRevision"/> under <paramref name="prefix"/>.</summary>
    public void CopyAfter(long afterRevision, string prefix, List<StoreEvent> target)
    {
        for (var i = FirstIndexAfter(afterRevision); i < _count; i++)
        {
            var e = At(i);
            if (e.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                target.Add(e);
            }
        }
    }

    private StoreEvent At(int logicalIndex) => _events[(_start + logicalIndex) % _events.Length];

    private int FirstIndexAfter(long revision)
    {
        int lo = 0, hi = _count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (At(mid).Revision <= revision)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
