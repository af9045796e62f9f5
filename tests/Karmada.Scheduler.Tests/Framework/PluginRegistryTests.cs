using Karmada.Scheduler.Framework;
using Karmada.Scheduler.Framework.Plugins;

namespace Karmada.Scheduler.Tests.Framework;

public sealed class PluginRegistryTests
{
    [Fact]
    public void Filter_Star_EnablesEveryPluginInRegistrationOrder()
    {
        var filtered = InTreePlugins.CreateRegistry().Filter(["*"]);

        Assert.Equal(
            ["APIEnablement", "TaintToleration", "ClusterAffinity", "SpreadConstraint", "ClusterLocality", "ClusterEviction"],
            filtered.Names);
    }

    [Theory]
    [InlineData("*,-TaintToleration")]
    [InlineData("-TaintToleration,*")]
    public void Filter_StarWithDisabledPlugin_LeavesItOut(string flag)
    {
        var filtered = InTreePlugins.CreateRegistry().Filter(flag.Split(','));

        Assert.DoesNotContain("TaintToleration", filtered.Names);
        Assert.Equal(5, filtered.Names.Count);
    }

    [Fact]
    public void Filter_Names_EnablesOnlyThoseAndIgnoresUnknown()
    {
        var filtered = InTreePlugins.CreateRegistry().Filter(["ClusterAffinity", "NoSuchPlugin", "ClusterEviction"]);

        Assert.Equal(["ClusterAffinity", "ClusterEviction"], filtered.Names);
    }

    [Fact]
    public void Filter_OnlyDisabledNames_EnablesNothing()
    {
        Assert.Empty(InTreePlugins.CreateRegistry().Filter(["-ClusterAffinity"]).Names);
    }

    [Fact]
    public void Register_DuplicateName_Throws()
    {
        var registry = InTreePlugins.CreateRegistry();

        Assert.Throws<InvalidOperationException>(() => registry.Register(ClusterAffinityPlugin.PluginName, static () => new ClusterAffinityPlugin()));
    }

    [Fact]
    public void Merge_OutOfTreeRegistry_AppendsItsPlugins()
    {
        var registry = InTreePlugins.CreateRegistry();
        var outOfTree = new PluginRegistry();
        outOfTree.Register("Custom", static () => new ClusterEvictionPlugin());

        registry.Merge(outOfTree);

        Assert.Equal("Custom", registry.Names[^1]);
        Assert.True(registry.Unregister("Custom"));
        Assert.False(registry.Contains("Custom"));
    }
}
