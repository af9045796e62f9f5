using Karmada.Storage.Watching;

namespace Karmada.Storage.Tests.Watching;

public sealed class EventHistoryTests
{
    [Fact]
    public void Append_BeyondCapacity_KeepsNewestInOrder()
    {
        var history = new EventHistory(4);
        for (var revision = 1; revision <= 10; revision++)
        {
            history.Append(Event(revision, revision % 2 == 0 ? "/even/" : "/odd/"));
        }

        var all = new List<StoreEvent>();
        history.CopyAfter(0, "/", all);
        var evenAfterSeven = new List<StoreEvent>();
        history.CopyAfter(7, "/even/", evenAfterSeven);

        Assert.Equal(7, history.OldestRevision);
        Assert.Equal([7L, 8, 9, 10], all.Select(e => e.Revision));
        Assert.Equal([8L, 10], evenAfterSeven.Select(e => e.Revision));
    }

    [Fact]
    public void CopyAfter_Empty_CopiesNothing()
    {
        var history = new EventHistory(0);
        history.Append(Event(1, "/a/"));
        var copied = new List<StoreEvent>();

        history.CopyAfter(0, "", copied);

        Assert.Null(history.OldestRevision);
        Assert.Empty(copied);
    }

    private static StoreEvent Event(long revision, string prefix) =>
        new(StoreEventType.Created, $"{prefix}{revision}", new byte[] { (byte)revision }, revision, revision, null);
}
