namespace Karmada.Scheduler.Framework;

/// <summary>A scheduling framework plugin, known by its name in the registry and in <c>--plugins</c>.</summary>
public interface IPlugin
{
    /// <summary>The plugin name, e.g. <c>TaintToleration</c>.</summary>
    string Name { get; }
}
