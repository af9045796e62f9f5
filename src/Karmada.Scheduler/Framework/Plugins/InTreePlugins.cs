namespace Karmada.Scheduler.Framework.Plugins;

/// <summary>The in-tree plugins (upstream's <c>NewInTreeRegistry</c>), in upstream's listing order.</summary>
public static class InTreePlugins
{
    /// <summary>A registry with every in-tree plugin.</summary>
    public static PluginRegistry CreateRegistry()
    {
        var registry = new PluginRegistry();
        registry.Register(ApiEnablementPlugin.PluginName, static () => new ApiEnablementPlugin());
        registry.Register(TaintTolerationPlugin.PluginName, static () => new TaintTolerationPlugin());
        registry.Register(ClusterAffinityPlugin.PluginName, static () => new ClusterAffinityPlugin());
        registry.Register(SpreadConstraintPlugin.PluginName, static () => new SpreadConstraintPlugin());
        registry.Register(ClusterLocalityPlugin.PluginName, static () => new ClusterLocalityPlugin());
        registry.Register(ClusterEvictionPlugin.PluginName, static () => new ClusterEvictionPlugin());
        return registry;
    }
}
