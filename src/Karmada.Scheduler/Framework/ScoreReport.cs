namespace Karmada.Scheduler.Framework;

/// <summary>The outcome of running every score plugin over the feasible clusters.</summary>
public sealed class ScoreReport
{
    internal ScoreReport(FilterResult status, IReadOnlyList<long> totals, IReadOnlyList<PluginScores> byPlugin)
    {
        Status = status;
        Totals = totals;
        ByPlugin = byPlugin;
    }

    /// <summary>Success, or the error of the first plugin that failed.</summary>
    public FilterResult Status { get; }

    /// <summary>The summed score per cluster, in the order of the clusters scored.</summary>
    public IReadOnlyList<long> Totals { get; }

    /// <summary>Each plugin's own scores (after normalization).</summary>
    public IReadOnlyList<PluginScores> ByPlugin { get; }
}
