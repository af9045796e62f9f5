using System.Text.Json.Nodes;
using Karmada.Api.Policy.V1Alpha1;

namespace Karmada.Policy.Selection;

/// <summary>
/// Resource selector matching against resource templates (upstream <c>pkg/util/selector.go</c>). apiVersion and kind
/// must be equal and a set namespace must be equal; then a set name must equal the resource's name (the label
/// selector is ignored), no name and no label selector matches all, and otherwise the label selector decides.
/// </summary>
public static class ResourceSelectorMatcher
{
    /// <summary>The implicit priority of one selector against the resource.</summary>
    public static ImplicitPriority ResourceSelectorPriority(JsonObject resource, ResourceSelector selector)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(selector);
        if (UnstructuredFields.GetApiVersion(resource) != selector.ApiVersion
            || UnstructuredFields.GetKind(resource) != selector.Kind
            || (!string.IsNullOrEmpty(selector.Namespace) && UnstructuredFields.GetNamespace(resource) != selector.Namespace))
        {
            return ImplicitPriority.MisMatch;
        }

        if (!string.IsNullOrEmpty(selector.Name))
        {
            return selector.Name == UnstructuredFields.GetName(resource) ? ImplicitPriority.MatchName : ImplicitPriority.MisMatch;
        }

        if (selector.LabelSelector is null)
        {
            return ImplicitPriority.MatchAll;
        }

        return LabelSelectorMatcher.Matches(selector.LabelSelector, UnstructuredFields.GetLabels(resource) ?? [])
            ? ImplicitPriority.MatchLabelSelector
            : ImplicitPriority.MisMatch;
    }

    /// <summary>Whether the selector matches the resource at all.</summary>
    public static bool ResourceMatches(JsonObject resource, ResourceSelector selector) =>
        ResourceSelectorPriority(resource, selector) > ImplicitPriority.MisMatch;

    /// <summary>Whether any of the selectors matches the resource; an empty list matches nothing.</summary>
    public static bool ResourceMatchSelectors(JsonObject resource, IEnumerable<ResourceSelector> selectors)
    {
        ArgumentNullException.ThrowIfNull(selectors);
        return selectors.Any(selector => ResourceMatches(resource, selector));
    }

    /// <summary>The highest implicit priority over the selectors; MisMatch for an empty list.</summary>
    public static ImplicitPriority ResourceMatchSelectorsPriority(JsonObject resource, IEnumerable<ResourceSelector> selectors)
    {
        ArgumentNullException.ThrowIfNull(selectors);
        var priority = ImplicitPriority.MisMatch;
        foreach (var selector in selectors)
        {
            var current = ResourceSelectorPriority(resource, selector);
            if (current > priority)
            {
                priority = current;
            }
        }

        return priority;
    }
}
