using System.Diagnostics;
using Karmada.Bench.Measurement;
using Karmada.Bench.Workloads.Propagation;

namespace Karmada.Bench.Workloads.E2E;

/// <summary>
/// When each template is complete in every member the scheduler chose for it: the targets are the latest
/// <c>spec.clusters</c> of its ResourceBinding, and "complete" means the Deployment and the namespace's ConfigMap
/// (propagated as a dependency) have both been seen by a watch on each of those members.
/// </summary>
public sealed class E2EDistribution(
    BindingTargetsWatcher bindings,
    IReadOnlyDictionary<string, ArrivalWatcher> deployments,
    IReadOnlyDictionary<string, ArrivalWatcher> configMaps)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Waits until every template in <paramref name="sent"/> is complete (or the timeout passes); returns how many
    /// made it, their sent → complete latencies and the timestamp of the last completion.
    /// </summary>
    public async Task<(int Distributed, LatencySummary Latency, long Last)> WaitAsync(IReadOnlyList<SentTemplate> sent, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var completed = new long?[sent.Count];
        while (true)
        {
            var ticks = new long[sent.Count];
            var count = 0;
            long last = 0;
            for (var i = 0; i < sent.Count; i++)
            {
                completed[i] ??= CompletedAt(sent[i]);
                if (completed[i] is { } at)
                {
                    ticks[count++] = Math.Max(0, at - sent[i].SentAt);
                    last = Math.Max(last, at);
                }
            }

            if (count == sent.Count || Stopwatch.GetTimestamp() > deadline)
            {
                return (count, LatencySummary.FromTicks(ticks, count), last == 0 ? Stopwatch.GetTimestamp() : last);
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private long? CompletedAt(SentTemplate template)
    {
        if (!bindings.TryGetTargets(template.Namespace, E2EBenchObjects.BindingName(template.Index), out var targets))
        {
            return null;
        }

        long latest = 0;
        foreach (var target in targets)
        {
            if (!deployments.TryGetValue(target, out var memberDeployments) || !configMaps.TryGetValue(target, out var memberConfigMaps)
                || !memberDeployments.TryGet(template.Namespace, E2EBenchObjects.DeploymentName(template.Index), out var deployment)
                || !memberConfigMaps.TryGet(template.Namespace, E2EBenchObjects.ConfigMapName, out var configMap))
            {
                return null;
            }

            latest = Math.Max(latest, Math.Max(deployment, configMap));
        }

        return latest;
    }
}
