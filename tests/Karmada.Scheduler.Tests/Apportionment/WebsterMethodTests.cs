using Karmada.Scheduler.Apportionment;

namespace Karmada.Scheduler.Tests.Apportionment;

public sealed class WebsterMethodTests
{
    [Fact]
    public void AllocateSeats_ClassicExample_MatchesSainteLague()
    {
        var votes = new Dictionary<string, long> { ["A"] = 100_000, ["B"] = 80_000, ["C"] = 30_000, ["D"] = 20_000 };

        var parties = WebsterMethod.AllocateSeats(8, votes, null, null);

        Assert.Equal([3, 3, 1, 1], parties.Select(p => p.Seats));
    }

    [Fact]
    public void AllocateSeats_EqualPriority_FavoursFewerSeatsThenSmallerName()
    {
        var parties = WebsterMethod.AllocateSeats(1, new Dictionary<string, long> { ["b"] = 3, ["a"] = 1 }, new Dictionary<string, int> { ["b"] = 1 }, null);

        // b: 3/3 = 1 with one seat, a: 1/1 = 1 with none: the party with fewer seats wins.
        Assert.Equal([new WebsterParty("a", 1, 1), new WebsterParty("b", 3, 1)], parties);
    }

    [Fact]
    public void AllocateSeats_NoParties_ReturnsEmpty()
    {
        Assert.Empty(WebsterMethod.AllocateSeats(3, new Dictionary<string, long>(), null, null));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Allocate_ManyRandomInputs_EqualsSeatBySeatAllocation(int tieBreakerKind)
    {
        // The pre-assignment shortcut must not change any result of the one-seat-at-a-time method.
        var random = new Random(20250521 + tieBreakerKind);
        var tieBreaker = tieBreakerKind switch
        {
            1 => BindingTieBreaker.FromUid("b"),
            2 => BindingTieBreaker.FromUid("a"),
            _ => null,
        };
        for (var round = 0; round < 400; round++)
        {
            var count = random.Next(1, 12);
            var parties = Enumerable.Range(0, count)
                .Select(i => new WebsterParty($"m{i}", random.Next(0, 4) == 0 ? random.Next(0, 3) : random.Next(0, 200), random.Next(0, 3) == 0 ? random.Next(0, 5) : 0))
                .ToArray();
            var seats = random.Next(0, 300);
            var expected = parties.ToArray();
            SeatBySeat(expected, seats, tieBreaker);

            WebsterMethod.Allocate(parties, seats, tieBreaker);

            Assert.Equal(expected, parties);
        }
    }

    private static void SeatBySeat(WebsterParty[] parties, int seats, WebsterTieBreaker? tieBreaker)
    {
        for (var seat = 0; seat < seats; seat++)
        {
            var best = 0;
            for (var i = 1; i < parties.Length; i++)
            {
                if (WebsterMethod.Precedes(parties[i], parties[best], tieBreaker))
                {
                    best = i;
                }
            }

            parties[best] = parties[best] with { Seats = parties[best].Seats + 1 };
        }
    }
}
