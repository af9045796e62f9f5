using Karmada.Api.Meta;
using Karmada.Client.Informers;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Host.Up;

/// <summary>Waits, on the Cluster informer's events (no polling), until named Clusters report Ready=True.</summary>
public static class ClusterReadiness
{
    /// <summary>
    /// The names among <paramref name="names"/> whose Cluster in <paramref name="clusters"/> is missing or not
    /// Ready=True, each with what is known ("not joined", the condition's reason and message, or "no status yet").
    /// </summary>
    public static IReadOnlyList<string> NotReady(IEnumerable<ClusterV1Alpha1.Cluster> clusters, IEnumerable<string> names)
    {
        var byName = clusters.ToDictionary(c => c.Metadata.Name ?? "", StringComparer.Ordinal);
        var notReady = new List<string>();
        foreach (var name in names)
        {
            if (!byName.TryGetValue(name, out var cluster))
            {
                notReady.Add($"{name}: not joined");
                continue;
            }

            var ready = cluster.Status.Conditions.FirstOrDefault(c => c.Type == ClusterV1Alpha1.ClusterConditionTypes.Ready);
            if (ready is null)
            {
                notReady.Add($"{name}: no status yet");
            }
            else if (ready.Status != ConditionStatus.True)
            {
                notReady.Add($"{name}: {ready.Reason} {ready.Message}".TrimEnd());
            }
        }

        return notReady;
    }

    /// <summary>Completes when every named Cluster is Ready; on timeout returns what is still not Ready.</summary>
    public static async Task<IReadOnlyList<string>> WaitAsync(
        SharedInformer<ClusterV1Alpha1.Cluster> informer, IReadOnlyCollection<string> names, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(informer);
        await informer.WaitForCacheSyncAsync(cancellationToken);
        var allReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (NotReady(informer.Indexer.List(), names).Count == 0)
            {
                allReady.TrySetResult();
            }
        }

        using var registration = informer.AddEventHandler(onAdd: _ => Check(), onUpdate: (_, _) => Check(), onDelete: _ => Check());
        Check();
        try
        {
            await allReady.Task.WaitAsync(timeout, timeProvider, cancellationToken);
            return [];
        }
        catch (TimeoutException)
        {
            return NotReady(informer.Indexer.List(), names);
        }
    }
}
