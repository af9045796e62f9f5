namespace Karmada.Policy.Selection;

/// <summary>
/// How precisely a resource selector (or a set of them) matches a resource (upstream <c>util.ImplicitPriority</c>).
/// Higher is more specific; among policies of equal explicit priority the more specific one wins.
/// </summary>
public enum ImplicitPriority
{
    /// <summary>The selector does not match the resource.</summary>
    MisMatch = 0,

    /// <summary>The selector has neither name nor label selector and matches every resource of its kind.</summary>
    MatchAll = 1,

    /// <summary>The selector's label selector matches the resource.</summary>
    MatchLabelSelector = 2,

    /// <summary>The selector's name matches the resource.</summary>
    MatchName = 3,
}
