namespace Karmada.Scheduler.Apportionment;

/// <summary>A party in a Webster apportionment: a cluster, its weight (votes) and the replicas (seats) it holds.</summary>
public readonly record struct WebsterParty(string Name, long Votes, int Seats)
{
    /// <summary>The Webster (Sainte-Laguë) priority <c>votes / (2 * seats + 1)</c>, computed as upstream does.</summary>
    public double Priority => Votes / (double)((2 * Seats) + 1);
}
