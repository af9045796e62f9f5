using System.Runtime.CompilerServices;
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
    // Every dependency event asks every recording binding of its namespace, so each annotation is parsed once: keyed
    // by the string instance the cached binding holds, an entry lives exactly as long as that binding version.
    private static readonly ConditionalWeakTable<string, Record> Parsed = new();

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

        var record = Parsed.GetValue(recorded, Record.Parse);
        if (record.References is not { } references)
        {
            return true;
        }

        var ns = JsonObjectMeta.GetNamespace(obj);
        var name = JsonObjectMeta.GetName(obj);
        Dictionary<string, string>? labels = null;
        foreach (var reference in references)
        {
            if (reference.ApiVersion != apiVersion || reference.Kind != kind || (reference.Namespace ?? bindingNamespace) != ns)
            {
                continue;
            }

            if (reference.Name is not null)
            {
                if (reference.Name == name)
                {
                    return true;
                }
            }
            else if (reference.Selector is not null
                && LabelSelectorMatcher.Matches(reference.Selector, labels ??= ClaimMetadata.StringMap(obj, "labels") ?? []))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One recorded reference: a non-empty <see cref="Name"/>, or else the <see cref="Selector"/> (if any); a null namespace is the binding's.</summary>
    private sealed record Reference(string? ApiVersion, string? Kind, string? Namespace, string? Name, LabelSelector? Selector);

    /// <summary>The parsed annotation; null references for a damaged one.</summary>
    private sealed class Record(IReadOnlyList<Reference>? references)
    {
        public IReadOnlyList<Reference>? References { get; } = references;

        public static Record Parse(string recorded)
        {
            try
            {
                if (JsonNode.Parse(recorded) is not JsonArray array)
                {
                    return new Record(null);
                }

                var references = new List<Reference>();
                foreach (var reference in array.OfType<JsonObject>())
                {
                    var name = NonEmpty(reference["name"]);
                    references.Add(new Reference(
                        (string?)reference["apiVersion"],
                        (string?)reference["kind"],
                        NonEmpty(reference["namespace"]),
                        name,
                        name is null && reference["labelSelector"] is JsonObject selector ? KarmadaJson.Deserialize<LabelSelector>(selector) : null));
                }

                return new Record(references);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                // Not JSON, or a field of the wrong type.
                return new Record(null);
            }
        }

        private static string? NonEmpty(JsonNode? node) => (string?)node is { Length: > 0 } text ? text : null;
    }
}
