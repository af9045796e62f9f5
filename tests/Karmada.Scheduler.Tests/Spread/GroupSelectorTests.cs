using Karmada.Scheduler.Spread;

namespace Karmada.Scheduler.Tests.Spread;

public sealed class GroupSelectorTests
{
    [Fact]
    public void SelectGroups_EachGroupReachesTarget_PicksHeaviestSingleGroup()
    {
        GroupInfo[] groups = [new("G1", 3, 90), new("G2", 3, 80), new("G3", 3, 10)];

        // Every single group reaches 3; the heaviest single group wins over any longer combination.
        var selected = GroupSelector.SelectGroups(groups, 1, 3, 3);

        Assert.Equal(["G1"], selected.Select(g => g.Name));
    }

    [Fact]
    public void SelectGroups_MinimumAboveGroupCount_SelectsNothing()
    {
        Assert.Empty(GroupSelector.SelectGroups([new("G1", 5, 1)], 2, 2, 1));
    }
}
