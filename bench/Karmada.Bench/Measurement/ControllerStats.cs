using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Karmada.Bench.Measurement;

/// <summary>
/// Listens to the controllers' and work queues' own instruments (<c>karmada_controller_reconcile_total</c>,
/// <c>workqueue_queue_duration_seconds</c>, <c>workqueue_retries_total</c>) and the REST clients' (<c>rest_client_requests_total</c>,
/// <c>rest_client_rate_limiter_duration_seconds</c>) for the length of a benchmark, so a slow
/// pipeline can be attributed to the controller that throttles it (conflicts, errors, queue wait) rather than guessed.
/// </summary>
public sealed class ControllerStats : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Controller, string Result), long> _reconciles = new();
    private readonly ConcurrentDictionary<string, QueueWait> _queueWaits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _retries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Agent, string Verb), long> _requests = new();
    private readonly ConcurrentDictionary<string, QueueWait> _throttles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, QueueWait> _work = new(StringComparer.Ordinal);

    public ControllerStats()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name is "karmada_controller_reconcile_total" or "workqueue_queue_duration_seconds" or "workqueue_retries_total" or "workqueue_work_duration_seconds"
                or "rest_client_requests_total" or "rest_client_rate_limiter_duration_seconds")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnLong);
        _listener.SetMeasurementEventCallback<double>(OnDouble);
        _listener.Start();
    }

    /// <summary>Forgets what was counted so far (call at the start of a phase).</summary>
    public void Reset()
    {
        _reconciles.Clear();
        _queueWaits.Clear();
        _retries.Clear();
        _requests.Clear();
        _throttles.Clear();
        _work.Clear();
    }

    /// <summary>One line per controller: reconciles by result, then per queue the retries and the mean/max queue wait.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var controller in _reconciles.Keys.Select(k => k.Controller).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var results = _reconciles.Where(r => r.Key.Controller == controller).OrderBy(r => r.Key.Result, StringComparer.Ordinal)
                .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key.Result}={r.Value}"));
            text.AppendLine(null, $"  reconciles {controller,-28} {string.Join(' ', results)}");
        }

        // ToArray is the dictionary's own locked snapshot; LINQ's copy of a live ConcurrentDictionary can throw when a
        // queue (a member joining late) is added while it copies.
        foreach (var (queue, wait) in _queueWaits.ToArray().OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            var work = _work.TryGetValue(queue, out var w) ? string.Create(CultureInfo.InvariantCulture, $" work mean={w.MeanMs:F1}ms max={w.MaxMs:F0}ms") : string.Empty;
            text.AppendLine(CultureInfo.InvariantCulture, $"  queue {queue,-33} taken={wait.Count} wait mean={wait.MeanMs:F1}ms max={wait.MaxMs:F0}ms{work} retries={_retries.GetValueOrDefault(queue)}");
        }

        foreach (var agent in _requests.Keys.Select(k => k.Agent).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var verbs = _requests.Where(r => r.Key.Agent == agent).OrderBy(r => r.Key.Verb, StringComparer.Ordinal)
                .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key.Verb}={r.Value}"));
            var throttle = _throttles.TryGetValue(agent, out var wait)
                ? string.Create(CultureInfo.InvariantCulture, $" rate-limiter wait mean={wait.MeanMs:F1}ms max={wait.MaxMs:F0}ms")
                : string.Empty;
            text.AppendLine(null, $"  requests {agent,-30} {string.Join(' ', verbs)}{throttle}");
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private void OnLong(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == "karmada_controller_reconcile_total")
        {
            var key = (Tag(tags, "controller"), Tag(tags, "result"));
            _reconciles.AddOrUpdate(key, value, (_, sum) => sum + value);
        }
        else if (instrument.Name == "rest_client_requests_total")
        {
            _requests.AddOrUpdate((Tag(tags, "user_agent"), Tag(tags, "verb")), value, (_, sum) => sum + value);
        }
        else
        {
            _retries.AddOrUpdate(Tag(tags, "name"), value, (_, sum) => sum + value);
        }
    }

    private void OnDouble(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == "rest_client_rate_limiter_duration_seconds")
        {
            _throttles.GetOrAdd(Tag(tags, "user_agent"), _ => new QueueWait()).Add(value * 1000);
        }
        else if (instrument.Name == "workqueue_work_duration_seconds")
        {
            _work.GetOrAdd(Tag(tags, "name"), _ => new QueueWait()).Add(value * 1000);
        }
        else
        {
            _queueWaits.GetOrAdd(Tag(tags, "name"), _ => new QueueWait()).Add(value * 1000);
        }
    }

    private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value?.ToString() ?? "?";
            }
        }

        return "?";
    }

    private sealed class QueueWait
    {
        private readonly Lock _gate = new();
        private double _sumMs;

        public long Count { get; private set; }

        public double MaxMs { get; private set; }

        public double MeanMs => Count == 0 ? 0 : _sumMs / Count;

        public void Add(double ms)
        {
            lock (_gate)
            {
                Count++;
                _sumMs += ms;
                MaxMs = Math.Max(MaxMs, ms);
            }
        }
    }
}
