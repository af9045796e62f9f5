using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Karmada.Bench.Measurement;

namespace Karmada.Bench.Workloads.Clusters;

/// <summary>Collects one controller's <c>karmada_controller_reconcile_time_seconds</c> measurements (wall time per reconcile).</summary>
public sealed class ReconcileTimeListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<double> _seconds = new();
    private readonly string _controller;

    public ReconcileTimeListener(string controller)
    {
        _controller = controller;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "karmada_controller_reconcile_time_seconds")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    public void Reset() => _seconds.Clear();

    /// <summary>The reconciles since the last <see cref="Reset"/>, in milliseconds.</summary>
    public LatencySummary Summary()
    {
        var ticks = _seconds.Select(s => (long)(s * Stopwatch.Frequency)).ToArray();
        return LatencySummary.FromTicks(ticks, ticks.Length);
    }

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "controller" && tag.Value as string == _controller)
            {
                _seconds.Enqueue(value);
                return;
            }
        }
    }
}
