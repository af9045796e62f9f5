using System.Diagnostics.Metrics;

namespace Karmada.Client.Queues;

/// <summary>
/// The work queue instruments, named like controller-runtime's Prometheus metrics and tagged with the queue
/// <c>name</c>. One shared meter: queues come and go, instruments stay.
/// </summary>
internal static class WorkQueueMetrics
{
    public const string MeterName = "Karmada.Client.WorkQueue";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Items waiting to be processed (dirty), the gauge <c>workqueue_depth</c>.</summary>
    public static readonly UpDownCounter<long> Depth = Meter.CreateUpDownCounter<long>("workqueue_depth", description: "Current depth of the work queue.");

    public static readonly Counter<long> Adds = Meter.CreateCounter<long>("workqueue_adds_total", description: "Total number of adds handled by the work queue.");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("workqueue_retries_total", description: "Total number of delayed and rate-limited re-adds.");

    public static readonly Histogram<double> QueueDuration = Meter.CreateHistogram<double>("workqueue_queue_duration_seconds", "s", "How long an item stays in the queue before it is taken.");

    public static readonly Histogram<double> WorkDuration = Meter.CreateHistogram<double>("workqueue_work_duration_seconds", "s", "How long processing an item takes.");
}
