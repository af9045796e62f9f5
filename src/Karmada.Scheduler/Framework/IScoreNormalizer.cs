namespace Karmada.Scheduler.Framework;

/// <summary>Optional score extension (upstream's <c>ScoreExtensions</c>): normalizes one plugin's scores in place.</summary>
public interface IScoreNormalizer
{
    /// <summary>Normalizes the scores this plugin produced for all feasible clusters.</summary>
    FilterResult NormalizeScores(Span<ClusterScore> scores);
}
