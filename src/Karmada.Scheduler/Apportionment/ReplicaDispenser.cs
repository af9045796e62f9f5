namespace Karmada.Scheduler.Apportionment;

/// <summary>
/// Divides replicas among clusters by weight with the Webster method and adds them to an initial assignment
/// (upstream's <c>helper.Dispenser</c>).
/// </summary>
public sealed class ReplicaDispenser
{
    private readonly WebsterTieBreaker? _tieBreaker;

    /// <summary>A dispenser of <paramref name="numReplicas"/> new replicas on top of <paramref name="initial"/>.</summary>
    public ReplicaDispenser(int numReplicas, IReadOnlyList<ClusterReplicas>? initial, WebsterTieBreaker? tieBreaker)
    {
        NumReplicas = numReplicas;
        Result = [.. initial ?? []];
        _tieBreaker = tieBreaker;
    }

    /// <summary>Replicas still to dispense.</summary>
    public int NumReplicas { get; private set; }

    /// <summary>The assignment so far.</summary>
    public IReadOnlyList<ClusterReplicas> Result { get; private set; }

    /// <summary>Nothing left to dispense and something already assigned.</summary>
    public bool Done => NumReplicas == 0 && Result.Count != 0;

    /// <summary>
    /// Divides the remaining replicas by the weights and merges them into the result. Nothing happens when
    /// <see cref="Done"/> or when the weights sum to 0. Every weighted cluster appears in the result, possibly with 0.
    /// </summary>
    public void TakeByWeight(IReadOnlyList<ClusterWeight> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (Done)
        {
            return;
        }

        long sum = 0;
        foreach (var weight in weights)
        {
            sum += weight.Weight;
        }

        if (sum == 0)
        {
            return;
        }

        var parties = PartiesByName(weights);
        WebsterMethod.Allocate(parties, NumReplicas, _tieBreaker);
        var divided = new List<ClusterReplicas>(parties.Length);
        foreach (var party in parties)
        {
            divided.Add(new(party.Name, party.Seats));
        }

        NumReplicas = 0;
        Result = Merge(Result, divided);
    }

    /// <summary>Divides <paramref name="numReplicas"/> by the replicas of <paramref name="weights"/> on top of <paramref name="initial"/>.</summary>
    public static IReadOnlyList<ClusterReplicas> SpreadReplicasByTargetClusters(
        int numReplicas, IReadOnlyList<ClusterReplicas> weights, IReadOnlyList<ClusterReplicas>? initial, WebsterTieBreaker? tieBreaker)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var dispenser = new ReplicaDispenser(numReplicas, initial, tieBreaker);
        dispenser.TakeByWeight([.. weights.Select(w => new ClusterWeight(w.Name, w.Replicas))]);
        return dispenser.Result;
    }

    /// <summary>
    /// Upstream's <c>MergeTargetClusters</c>: the new entries with the old replicas of the same cluster added, then the
    /// old entries the new list lacks. Upstream appends those in Go map order; here they keep their old order.
    /// </summary>
    public static IReadOnlyList<ClusterReplicas> Merge(IReadOnlyList<ClusterReplicas> old, IReadOnlyList<ClusterReplicas> added)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(added);
        if (old.Count == 0)
        {
            return added;
        }

        if (added.Count == 0)
        {
            return old;
        }

        var oldReplicas = new Dictionary<string, int>(old.Count, StringComparer.Ordinal);
        foreach (var cluster in old)
        {
            oldReplicas[cluster.Name] = cluster.Replicas;
        }

        var merged = new List<ClusterReplicas>(old.Count + added.Count);
        foreach (var cluster in added)
        {
            if (oldReplicas.Remove(cluster.Name, out var replicas))
            {
                merged.Add(cluster with { Replicas = cluster.Replicas + replicas });
            }
            else
            {
                merged.Add(cluster);
            }
        }

        foreach (var cluster in old)
        {
            if (oldReplicas.Remove(cluster.Name, out var replicas))
            {
                merged.Add(new(cluster.Name, replicas));
            }
        }

        return merged;
    }

    /// <summary>
    /// The weighted clusters as parties sorted by name (the order upstream returns). A name listed twice keeps its
    /// last weight, as upstream's votes map does. Candidates usually arrive sorted already, which skips the sort.
    /// </summary>
    private static WebsterParty[] PartiesByName(IReadOnlyList<ClusterWeight> weights)
    {
        var parties = new WebsterParty[weights.Count];
        var sorted = true;
        for (var i = 0; i < parties.Length; i++)
        {
            parties[i] = new(weights[i].Name, weights[i].Weight, 0);
            sorted &= i == 0 || string.CompareOrdinal(parties[i - 1].Name, parties[i].Name) < 0;
        }

        if (sorted)
        {
            return parties;
        }

        var order = new int[parties.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var byName = string.CompareOrdinal(parties[a].Name, parties[b].Name);
            return byName != 0 ? byName : a.CompareTo(b);
        });
        var unique = new List<WebsterParty>(parties.Length);
        for (var i = 0; i < order.Length; i++)
        {
            if (i + 1 < order.Length && parties[order[i + 1]].Name == parties[order[i]].Name)
            {
                continue;
            }

            unique.Add(parties[order[i]]);
        }

        return [.. unique];
    }
}
