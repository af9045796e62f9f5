using System.Diagnostics.Metrics;

namespace Karmada.Client.Controllers;

/// <summary>Reconcile instruments, tagged with <c>controller</c> (and <c>result</c> for the count).</summary>
internal static class ControllerMetrics
{
    public const string MeterName = "Karmada.Client.Controller";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Reconciles by result: <c>success</c>, <c>requeue_after</c>, <c>error</c>, <c>terminal</c>.</summary>
    public static readonly Counter<long> Reconciles = Meter.CreateCounter<long>("karmada_controller_reconcile_total", description: "Total number of reconciles per controller and result.");

    public static readonly Histogram<double> ReconcileTime = Meter.CreateHistogram<double>("karmada_controller_reconcile_time_seconds", "s", "Length of time per reconcile.");
}
