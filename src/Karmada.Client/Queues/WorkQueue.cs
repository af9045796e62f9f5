using System.Threading.Channels;

namespace Karmada.Client.Queues;

/// <summary>
/// client-go's rate-limited work queue of keys.
/// <list type="bullet">
/// <item>A key is in the queue at most once: adding a key that waits already is a no-op (coalescing).</item>
/// <item>A key is never processed by two workers at once: adding a key that is being processed marks it dirty, and
/// <see cref="Done"/> puts it back, so the change is seen by exactly one more run.</item>
/// <item><see cref="AddAfter"/> delays an add with the injected <see cref="TimeProvider"/>; a key waiting twice keeps the
/// earlier time. <see cref="AddRateLimited"/> takes the delay from the rate limiter; <see cref="Forget"/> resets it.</item>
/// </list>
/// Every <see cref="TakeAsync"/> must be followed by <see cref="Done"/> for the same key.
/// </summary>
public sealed class WorkQueue<TKey> : IDisposable where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly HashSet<TKey> _processing = [];
    private readonly Dictionary<TKey, long> _addedAt = [];
    private readonly Dictionary<TKey, long> _startedAt = [];
    private readonly Dictionary<TKey, DateTimeOffset> _waitingUntil = [];
    private readonly PriorityQueue<TKey, DateTimeOffset> _waiting = new();
    private readonly Channel<TKey> _ready = Channel.CreateUnbounded<TKey>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
    private readonly IRateLimiter<TKey> _rateLimiter;
    private readonly TimeProvider _timeProvider;
    private readonly KeyValuePair<string, object?> _nameTag;
    private ITimer? _timer;
    private DateTimeOffset? _timerDue;
    private bool _shutDown;

    /// <summary>A queue with the default controller rate limiter (<see cref="RateLimiters.DefaultController{TKey}"/>).</summary>
    public WorkQueue(string name, TimeProvider timeProvider)
        : this(name, RateLimiters.DefaultController<TKey>(timeProvider), timeProvider)
    {
    }

    /// <param name="name">Identifies the queue in metrics (the <c>name</c> tag); normally the controller name.</param>
    /// <param name="rateLimiter">Decides the delays of <see cref="AddRateLimited"/>.</param>
    /// <param name="timeProvider">Clock for delayed adds and metrics.</param>
    public WorkQueue(string name, IRateLimiter<TKey> rateLimiter, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(rateLimiter);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Name = name;
        _rateLimiter = rateLimiter;
        _timeProvider = timeProvider;
        _nameTag = new KeyValuePair<string, object?>("name", name);
    }

    public string Name { get; }

    /// <summary>Keys ready to be taken (not counting keys parked while being processed or waiting for a delay).</summary>
    public int Len => _ready.Reader.Count;

    /// <summary>Keys waiting for a delayed add (for tests and diagnostics).</summary>
    internal int WaitingCount
    {
        get
        {
            lock (_gate)
            {
                return _waitingUntil.Count;
            }
        }
    }

    public bool IsShutDown
    {
        get
        {
            lock (_gate)
            {
                return _shutDown;
            }
        }
    }

    /// <summary>Marks a key as needing processing.</summary>
    public void Add(TKey key)
    {
        lock (_gate)
        {
            if (_shutDown || !_dirty.Add(key))
            {
                return;
            }

            _addedAt.TryAdd(key, _timeProvider.GetTimestamp());

            // Parked while being processed: Done() re-queues it once the current run ends.
            if (!_processing.Contains(key))
            {
                _ready.Writer.TryWrite(key);
            }
        }

        // Instruments are recorded outside the lock: a listener's callback runs inline, and every informer event
        // handler and worker of the queue contends for the lock.
        WorkQueueMetrics.Adds.Add(1, _nameTag);
        WorkQueueMetrics.Depth.Add(1, _nameTag);
    }

    /// <summary>
    /// Waits for the next key and marks it as being processed. Throws <see cref="OperationCanceledException"/> when the
    /// token is cancelled or the queue is shut down.
    /// </summary>
    public async ValueTask<TKey> TakeAsync(CancellationToken cancellationToken)
    {
        TKey key;
        try
        {
            key = await _ready.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            throw new OperationCanceledException($"Work queue {Name} is shut down.", ex);
        }

        var now = _timeProvider.GetTimestamp();
        long? addedAt;
        lock (_gate)
        {
            _dirty.Remove(key);
            _processing.Add(key);
            _startedAt[key] = now;
            addedAt = _addedAt.Remove(key, out var added) ? added : null;
        }

        WorkQueueMetrics.Depth.Add(-1, _nameTag);
        if (addedAt is { } since)
        {
            WorkQueueMetrics.QueueDuration.Record(_timeProvider.GetElapsedTime(since, now).TotalSeconds, _nameTag);
        }

        return key;
    }

    /// <summary>Ends processing of a key; if it was added meanwhile, it becomes ready again.</summary>
    public void Done(TKey key)
    {
        long? startedAt;
        lock (_gate)
        {
            if (!_processing.Remove(key))
            {
                return;
            }

            startedAt = _startedAt.Remove(key, out var started) ? started : null;
            if (_dirty.Contains(key) && !_shutDown)
            {
                _ready.Writer.TryWrite(key);
            }
        }

        if (startedAt is { } since)
        {
            WorkQueueMetrics.WorkDuration.Record(_timeProvider.GetElapsedTime(since).TotalSeconds, _nameTag);
        }
    }

    /// <summary>Adds a key once <paramref name="delay"/> has passed; a zero or negative delay adds it now.</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (IsShutDown)
        {
            return;
        }

        WorkQueueMetrics.Retries.Add(1, _nameTag);
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_gate)
        {
            if (_shutDown)
            {
                return;
            }

            var readyAt = _timeProvider.GetUtcNow() + delay;
            if (_waitingUntil.TryGetValue(key, out var existing) && existing <= readyAt)
            {
                return;
            }

            // A superseded entry stays in the heap and is skipped when it surfaces (lazy deletion).
            _waitingUntil[key] = readyAt;
            _waiting.Enqueue(key, readyAt);
            ScheduleTimerLocked(readyAt);
        }
    }

    /// <summary>Adds a key after the delay its rate limiter decides (one more failure on its record).</summary>
    public void AddRateLimited(TKey key) => AddAfter(key, _rateLimiter.When(key));

    /// <summary>Clears the key's failure history so the next <see cref="AddRateLimited"/> starts from the base delay.</summary>
    public void Forget(TKey key) => _rateLimiter.Forget(key);

    /// <summary>How many times the key was rate limited since it was last forgotten.</summary>
    public int NumRequeues(TKey key) => _rateLimiter.NumRequeues(key);

    /// <summary>Stops accepting keys, drops delayed ones and makes waiting and future <see cref="TakeAsync"/> calls end.</summary>
    public void ShutDown()
    {
        lock (_gate)
        {
            if (_shutDown)
            {
                return;
            }

            _shutDown = true;
            _timer?.Dispose();
            _timer = null;
            _waiting.Clear();
            _waitingUntil.Clear();
            _ready.Writer.TryComplete();
        }
    }

    public void Dispose() => ShutDown();

    private void ScheduleTimerLocked(DateTimeOffset readyAt)
    {
        if (_timerDue is { } due && due <= readyAt)
        {
            return;
        }

        _timerDue = readyAt;
        var dueTime = readyAt - _timeProvider.GetUtcNow();
        if (dueTime < TimeSpan.Zero)
        {
            dueTime = TimeSpan.Zero;
        }

        if (_timer is null)
        {
            _timer = _timeProvider.CreateTimer(static state => ((WorkQueue<TKey>)state!).OnTimer(), this, dueTime, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTimer()
    {
        List<TKey>? due = null;
        lock (_gate)
        {
            if (_shutDown)
            {
                return;
            }

            _timerDue = null;
            var now = _timeProvider.GetUtcNow();
            while (_waiting.TryPeek(out var key, out var readyAt) && readyAt <= now)
            {
                _waiting.Dequeue();
                if (_waitingUntil.TryGetValue(key, out var current) && current == readyAt)
                {
                    _waitingUntil.Remove(key);
                    (due ??= []).Add(key);
                }
            }

            if (_waiting.TryPeek(out _, out var next))
            {
                ScheduleTimerLocked(next);
            }
        }

        if (due is not null)
        {
            foreach (var key in due)
            {
                Add(key);
            }
        }
    }
}
