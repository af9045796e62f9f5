using System.Text.Json.Nodes;

namespace Karmada.OpenApi.Generation;

/// <summary>
/// Resolves <c>$ref</c>s (and the single-element <c>allOf</c> wrappers Kubernetes puts around them) so that a
/// component schema becomes the self-contained structural schema that validation, defaulting and pruning need.
/// </summary>
public static class SchemaInliner
{
    /// <summary>Inlines every reference of <paramref name="schema"/>.</summary>
    /// <param name="schema">The schema to inline; it is not modified.</param>
    /// <param name="resolve">Looks up a component by name; unresolvable references become unconstrained objects.</param>
    /// <param name="keepDescriptions">Whether descriptions are kept; validation does not need them and they dominate the size.</param>
    /// <returns>A new schema without references. A recursive reference is cut into an object that preserves unknown fields.</returns>
    public static JsonObject Inline(JsonObject schema, Func<string, JsonObject?> resolve, bool keepDescriptions = false)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(resolve);
        return new Run(resolve, keepDescriptions).InlineNode(schema);
    }

    /// <summary>The component name a <c>#/components/schemas/</c> (or <c>#/definitions/</c>) reference points to.</summary>
    /// <param name="reference">The reference.</param>
    /// <returns>The name after the last slash.</returns>
    public static string ComponentName(string reference) => reference[(reference.LastIndexOf('/') + 1)..];

    private sealed class Run(Func<string, JsonObject?> resolve, bool keepDescriptions)
    {
        private readonly HashSet<string> _active = new(StringComparer.Ordinal);
        private readonly Dictionary<string, JsonObject> _memo = new(StringComparer.Ordinal);
        private int _cuts;

        public JsonObject InlineNode(JsonObject node)
        {
            var result = new JsonObject();
            var consumedAllOf = false;
            var reference = node.TryGetPropertyValue("$ref", out var refNode) ? refNode?.GetValue<string>() : null;
            if (reference is null && node["allOf"] is JsonArray { Count: 1 } allOf && allOf[0] is JsonObject { Count: 1 } only
                && only.TryGetPropertyValue("$ref", out var wrapped) && wrapped is not null)
            {
                reference = wrapped.GetValue<string>();
                consumedAllOf = true;
            }

            if (reference is not null)
            {
                foreach (var (key, value) in Expand(ComponentName(reference)))
                {
                    result[key] = value?.DeepClone();
                }
            }

            foreach (var (key, value) in node)
            {
                if (key == "$ref" || (key == "allOf" && consumedAllOf) || key == "x-kubernetes-group-version-kind"
                    || (!keepDescriptions && key == "description"))
                {
                    continue;
                }

                result[key] = key switch
                {
                    "properties" when value is JsonObject properties => InlineMap(properties),
                    "items" or "additionalProperties" or "not" when value is JsonObject child => InlineNode(child),
                    "allOf" or "anyOf" or "oneOf" when value is JsonArray branches =>
                        new JsonArray(branches.Select(branch => branch is JsonObject obj ? InlineNode(obj) : branch?.DeepClone()).ToArray()),
                    _ => value?.DeepClone(),
                };
            }

            return result;
        }

        private JsonObject InlineMap(JsonObject properties)
        {
            var result = new JsonObject();
            foreach (var (name, value) in properties)
            {
                result[name] = value is JsonObject property ? InlineNode(property) : value?.DeepClone();
            }

            return result;
        }

        private JsonObject Expand(string name)
        {
            if (_memo.TryGetValue(name, out var memoized))
            {
                return memoized;
            }

            if (_active.Contains(name))
            {
                // A type that contains itself (JSONSchemaProps) cannot be inlined; accept any object below the cycle.
                _cuts++;
                return new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
            }

            if (resolve(name) is not { } component)
            {
                return new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
            }

            var cutsBefore = _cuts;
            _active.Add(name);
            var expanded = InlineNode(component);
            _active.Remove(name);

            // Only expansions that did not depend on the reference stack are reusable.
            if (_cuts == cutsBefore)
            {
                _memo[name] = expanded;
            }

            return expanded;
        }
    }
}
