namespace Karmada.Scheduler.Framework;

/// <summary>The code of a plugin result, as upstream's <c>framework.Code</c>.</summary>
public enum ResultCode
{
    /// <summary>The plugin ran and found the binding schedulable on the cluster.</summary>
    Success,

    /// <summary>The plugin found the binding unschedulable on the cluster; the reasons say why.</summary>
    Unschedulable,

    /// <summary>The plugin failed (unexpected input, internal error).</summary>
    Error,
}
