using System.Collections;
using Karmada.Api.Work.V1Alpha2;
using Karmada.Scheduler.Framework;
using Karmada.Scheduler.Spread;

namespace Karmada.Scheduler;

/// <summary>
/// <see cref="ScheduleResult.Clusters"/> of a successful attempt, built on first use: the scheduler service only
/// writes the targets, so the per-cluster stories (a set, a map and one object per cluster) are left to callers that
/// read them. What they depend on is copied when the attempt ends, so later changes to the targets do not show.
/// </summary>
internal sealed class ScheduledClusterDiagnoses : IReadOnlyList<ClusterDiagnosis>
{
    private readonly List<ClusterDiagnosis> _unscored;
    private readonly (string Name, long Score)[] _scores;
    private readonly string[] _selected;
    private readonly (string Name, int Replicas)[] _targets;
    private List<ClusterDiagnosis>? _all;

    /// <param name="unscored">The clusters skipped or rejected before scoring, in cluster order.</param>
    /// <param name="scores">The scored clusters, in scoring order.</param>
    /// <param name="selected">The clusters selection kept.</param>
    /// <param name="targets">The result.</param>
    public ScheduledClusterDiagnoses(
        List<ClusterDiagnosis> unscored, ClusterScore[] scores, IReadOnlyList<ClusterDetailInfo> selected, IReadOnlyList<TargetCluster> targets)
    {
        _unscored = unscored;
        _scores = new (string, long)[scores.Length];
        for (var i = 0; i < _scores.Length; i++)
        {
            _scores[i] = (scores[i].Cluster.Metadata.Name ?? "", scores[i].Score);
        }

        _selected = new string[selected.Count];
        for (var i = 0; i < _selected.Length; i++)
        {
            _selected[i] = selected[i].Name;
        }

        _targets = new (string, int)[targets.Count];
        for (var i = 0; i < _targets.Length; i++)
        {
            _targets[i] = (targets[i].Name, targets[i].Replicas);
        }
    }

    public int Count => _unscored.Count + _scores.Length;

    public ClusterDiagnosis this[int index] => All[index];

    private List<ClusterDiagnosis> All => LazyInitializer.EnsureInitialized(ref _all, Build);

    public IEnumerator<ClusterDiagnosis> GetEnumerator() => All.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private List<ClusterDiagnosis> Build()
    {
        var chosen = new HashSet<string>(_selected, StringComparer.Ordinal);
        var replicas = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, count) in _targets)
        {
            replicas.TryAdd(name, count);
        }

        var all = new List<ClusterDiagnosis>(Count);
        all.AddRange(_unscored);
        foreach (var (name, score) in _scores)
        {
            var assigned = replicas.TryGetValue(name, out var count);
            var verdict = !chosen.Contains(name) ? ClusterVerdict.NotSelected : assigned ? ClusterVerdict.Scheduled : ClusterVerdict.NoReplicas;
            all.Add(new ClusterDiagnosis(name, verdict) { Score = score, Replicas = assigned ? count : null });
        }

        return all;
    }
}
