namespace Karmada.Scheduler.Apportionment;

/// <summary>
/// Webster / Sainte-Laguë apportionment as upstream's <c>helper.AllocateWebsterSeats</c>: seats go one at a time to the
/// party with the highest <c>votes / (2 * seats + 1)</c>; ties go to the party with fewer seats, then the smaller name,
/// unless a tie-breaker says otherwise.
/// </summary>
public static class WebsterMethod
{
    /// <summary>
    /// Allocates <paramref name="newSeats"/> seats on top of <paramref name="initialAssignments"/>. A party only in the
    /// initial assignments has 0 votes. Returns every party sorted by name (ordinal); no party gives an empty list.
    /// </summary>
    public static IReadOnlyList<WebsterParty> AllocateSeats(
        int newSeats,
        IReadOnlyDictionary<string, long> partyVotes,
        IReadOnlyDictionary<string, int>? initialAssignments,
        WebsterTieBreaker? tieBreaker)
    {
        ArgumentNullException.ThrowIfNull(partyVotes);
        var parties = new Dictionary<string, WebsterParty>(StringComparer.Ordinal);
        foreach (var (name, seats) in initialAssignments ?? new Dictionary<string, int>())
        {
            parties[name] = new(name, 0, seats);
        }

        foreach (var (name, votes) in partyVotes)
        {
            parties[name] = parties.TryGetValue(name, out var party) ? party with { Votes = votes } : new(name, votes, 0);
        }

        var array = parties.Values.ToArray();
        Allocate(array, newSeats, tieBreaker);
        Array.Sort(array, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return array;
    }

    /// <summary>Adds <paramref name="newSeats"/> seats to the parties in place.</summary>
    internal static void Allocate(WebsterParty[] parties, int newSeats, WebsterTieBreaker? tieBreaker)
    {
        if (newSeats <= 0 || parties.Length == 0)
        {
            return;
        }

        var remaining = PreAssign(parties, newSeats);
        if (remaining == 0)
        {
            return;
        }

        var heap = new int[parties.Length];

        // Priorities are kept beside the heap: only the party that just won a seat changes, so each is computed once
        // per seat instead of once per comparison.
        var priorities = new double[parties.Length];
        for (var i = 0; i < heap.Length; i++)
        {
            heap[i] = i;
            priorities[i] = parties[i].Priority;
        }

        var order = new SeatOrder(parties, priorities, tieBreaker);
        for (var i = (heap.Length / 2) - 1; i >= 0; i--)
        {
            SiftDown(heap, i, order);
        }

        // The comparison is a strict total order (names are unique), so the party on top is the one upstream's heap
        // pops too, whatever the heap layout.
        for (; remaining > 0; remaining--)
        {
            var top = heap[0];
            parties[top] = parties[top] with { Seats = parties[top].Seats + 1 };
            priorities[top] = parties[top].Priority;
            SiftDown(heap, 0, order);
        }
    }

    /// <summary>Whether <paramref name="a"/> gets the next seat before <paramref name="b"/>.</summary>
    internal static bool Precedes(in WebsterParty a, in WebsterParty b, WebsterTieBreaker? tieBreaker)
    {
        var pa = a.Priority;
        var pb = b.Priority;
        if (pa != pb)
        {
            return pa > pb;
        }

        if (tieBreaker is not null)
        {
            return tieBreaker(a, b);
        }

        return a.Seats != b.Seats ? a.Seats < b.Seats : string.CompareOrdinal(a.Name, b.Name) < 0;
    }

    /// <summary>
    /// Hands out, without the heap, every seat whose priority is above a threshold T that at most
    /// <paramref name="newSeats"/> priorities exceed: those seats are strictly ahead of all others, so the one-by-one
    /// allocation takes all of them first whatever the tie-breaking. With T = votes / (2 * seats - parties) the
    /// heap is left with about half a seat per party. Returns the seats still to allocate.
    /// </summary>
    private static int PreAssign(WebsterParty[] parties, int newSeats)
    {
        long totalVotes = 0;
        foreach (var party in parties)
        {
            if (party.Votes < 0)
            {
                return newSeats;
            }

            totalVotes += party.Votes;
        }

        var divisor = (2L * newSeats) - parties.Length;
        if (totalVotes <= 0 || divisor <= 0)
        {
            return newSeats;
        }

        var threshold = totalVotes / (double)divisor;
        var extra = new int[parties.Length];
        long assigned = 0;
        for (var i = 0; i < parties.Length; i++)
        {
            var party = parties[i];
            if (party.Votes == 0)
            {
                continue;
            }

            var start = party.Seats;
            var estimate = Math.Floor(((party.Votes / threshold) - 1) / 2);
            var k = (int)Math.Clamp(estimate, start, start + (double)newSeats);
            while (k > start && (party with { Seats = k - 1 }).Priority <= threshold)
            {
                k--;
            }

            while ((party with { Seats = k }).Priority > threshold)
            {
                k++;
            }

            extra[i] = k - start;
            assigned += k - start;
            if (assigned > newSeats)
            {
                return newSeats;
            }
        }

        for (var i = 0; i < parties.Length; i++)
        {
            parties[i] = parties[i] with { Seats = parties[i].Seats + extra[i] };
        }

        return newSeats - (int)assigned;
    }

    private static void SiftDown(int[] heap, int index, SeatOrder order)
    {
        while (true)
        {
            var left = (2 * index) + 1;
            if (left >= heap.Length)
            {
                return;
            }

            var best = left;
            var right = left + 1;
            if (right < heap.Length && order.Precedes(heap[right], heap[left]))
            {
                best = right;
            }

            if (!order.Precedes(heap[best], heap[index]))
            {
                return;
            }

            (heap[index], heap[best]) = (heap[best], heap[index]);
            index = best;
        }
    }

    /// <summary>The seat order of <c>WebsterMethod.Precedes</c> over party indexes, with cached priorities.</summary>
    private readonly struct SeatOrder(WebsterParty[] parties, double[] priorities, WebsterTieBreaker? tieBreaker)
    {
        public bool Precedes(int a, int b)
        {
            var pa = priorities[a];
            var pb = priorities[b];
            if (pa != pb)
            {
                return pa > pb;
            }

            return WebsterMethod.Precedes(parties[a], parties[b], tieBreaker);
        }
    }
}
