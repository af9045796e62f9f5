using System.Text.Json;
using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Meta;
using Karmada.Api.WellKnown;
using Karmada.Client;
using Karmada.Controllers.Detector;
using Karmada.Policy.Selection;

namespace Karmada.Controllers.Dependencies;

/// <summary>
/// The dependencies an independent binding recorded in its <c>resourcebinding.karmada.io/dependencies</c> annotation,
/// and whether a changed object is one of them (upstream's <c>dependentObjectReferenceMatches</c>): so a ConfigMap
/// event re-queues only the bindings that depend on that ConfigMap, not every binding of the namespace.
/// </summary>
public static class RecordedDependencies
{
    /// <summary>
    /// Whether <paramref name="obj"/> (of <paramref name="apiVersion"/>/<paramref name="kind"/>) is among the
    /// dependencies recorded on a binding of <paramref name="bindingNamespace"/>. An annotation that does not parse
    /// matches everything, so a damaged record errs towards a reconcile.
    /// </summary>
    public static bool Matches(IReadOnlyDictionary<string, string> bindingAnnotations, string? bindingNamespace, string apiVersion, string kind, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(bindingAnnotations);
        ArgumentNullException.ThrowIfNull(obj);
        if (!bindingAnnotations.TryGetValue(WellKnownAnnotations.ResourceBindingDependencies, out var recorded))
        {
            return false;
        }

        JsonArray? references;
        try
        {
            references = JsonNode.Parse(recorded) as JsonArray;
        }
        catch (JsonException)
        {
            return true;
        }

        if (references is null)
        {
            return true;
        }

        var ns = JsonObjectMeta.GetNamespace(obj);
        var name = JsonObjectMeta.GetName(obj);
        foreach (var reference in references.OfType<JsonObject>())
        {
            if ((string?)reference["apiVersion"] != apiVersion || (string?)reference["kind"] != kind)
            {
                continue;
            }

            var referenceNamespace = (string?)reference["namespace"] is { Length: > 0 } explicitNamespace ? explicitNamespace : bindingNamespace;
            if (referenceNamespace != ns)
            {
                continue;
            }

            if ((string?)reference["name"] is { Length: > 0 } referenceName)
            {
                if (referenceName == name)
                {
                    return true;
                }
            }
            else if (reference["labelSelector"] is JsonObject selector
                && KarmadaJson.Deserialize<LabelSelector>(selector) is { } labelSelector
                && LabelSelectorMatcher.Matches(labelSelector, ClaimMetadata.StringMap(obj, "labels") ?? []))
            {
                return true;
            }
        }

        return false;
    }
}
