using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Karmada.Api.WellKnown;

namespace Karmada.Controllers.Detector;

/// <summary>
/// Which template events reach the detector's queue (upstream <c>ResourceDetector.EventFilter</c> and
/// <c>eventfilter.SpecificationChanged</c>): nothing from Karmada's reserved namespaces or the skipped ones (default
/// <c>kube-.*</c>), not kube-apiserver's <c>kube-system/extension-apiserver-authentication</c> ConfigMap, and an update
/// only when more than status, managed fields or the resourceVersion changed.
/// </summary>
public sealed class TemplateEventFilter
{
    private readonly IReadOnlyList<Regex> _skippedNamespaces;

    /// <summary>Creates the filter; each pattern must match a whole namespace name, as Go's anchored flag patterns do.</summary>
    public TemplateEventFilter(IEnumerable<string> skippedNamespacePatterns)
    {
        ArgumentNullException.ThrowIfNull(skippedNamespacePatterns);
        _skippedNamespaces = [.. skippedNamespacePatterns.Select(p => new Regex($"^(?:{p})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))];
    }

    /// <summary>Whether the detector looks at templates of <paramref name="kind"/> named <paramref name="name"/> in <paramref name="namespace"/>.</summary>
    public bool Accepts(string? @namespace, string kind, string name)
    {
        if (string.IsNullOrEmpty(@namespace))
        {
            return true;
        }

        if (ReservedNamespaces.IsReserved(@namespace) || _skippedNamespaces.Any(r => r.IsMatch(@namespace)))
        {
            return false;
        }

        return !(@namespace == "kube-system" && kind == "ConfigMap" && name == "extension-apiserver-authentication");
    }

    /// <summary>Whether an update changed the template's specification (anything but status, managed fields and resourceVersion).</summary>
    public static bool SpecificationChanged(JsonObject oldObj, JsonObject newObj)
    {
        ArgumentNullException.ThrowIfNull(oldObj);
        ArgumentNullException.ThrowIfNull(newObj);
        return !JsonNode.DeepEquals(WithoutIgnoredFields(oldObj), WithoutIgnoredFields(newObj));
    }

    private static JsonObject WithoutIgnoredFields(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            metadata.Remove("managedFields");
            metadata.Remove("resourceVersion");
        }

        return copy;
    }
}
