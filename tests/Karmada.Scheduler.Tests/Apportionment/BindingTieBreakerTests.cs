using Karmada.Scheduler.Apportionment;

namespace Karmada.Scheduler.Tests.Apportionment;

public sealed class BindingTieBreakerTests
{
    [Theory]
    [InlineData("", 0x811c9dc5u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("b", 0xe70c2de5u)]
    [InlineData("foobar", 0xbf9cf968u)]
    public void Fnv1a32_KnownInputs_MatchesReferenceHashes(string value, uint hash)
    {
        Assert.Equal(hash, BindingTieBreaker.Fnv1a32(value));
    }

    [Fact]
    public void FromUid_EmptyUid_KeepsDefaultOrder()
    {
        Assert.Null(BindingTieBreaker.FromUid(""));
    }

    [Theory]
    [InlineData("b", "y")]
    [InlineData("a", "x")]
    public void FromUid_HashParity_PicksNameOrder(string uid, string winner)
    {
        var tieBreaker = BindingTieBreaker.FromUid(uid)!;
        var x = new WebsterParty("x", 1, 0);
        var y = new WebsterParty("y", 1, 0);

        Assert.Equal(winner == "x", tieBreaker(x, y));
        Assert.True(tieBreaker(x with { Seats = 0 }, y with { Seats = 1 }));
    }
}
