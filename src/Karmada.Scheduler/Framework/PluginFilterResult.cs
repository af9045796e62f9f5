namespace Karmada.Scheduler.Framework;

/// <summary>The outcome of the filter chain on one cluster: the result and, when it failed, the plugin that said no.</summary>
public readonly record struct PluginFilterResult(string? Plugin, FilterResult Result);
