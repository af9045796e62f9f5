using System.Text.Json.Nodes;
using Karmada.Api;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Json;

namespace Karmada.Policy.Overrides;

/// <summary>
/// The overriders applied to one resource for one cluster, in application order (upstream <c>AppliedOverrides</c>).
/// <see cref="ToAnnotationValue"/> gives the value of <c>policy.karmada.io/applied-overrides</c> or
/// <c>policy.karmada.io/applied-cluster-overrides</c>.
/// </summary>
public sealed class AppliedOverrides
{
    private readonly List<OverridePolicyShadow> _items = [];

    /// <summary>The applied items in application order.</summary>
    public IReadOnlyList<OverridePolicyShadow> Items => _items;

    /// <summary>Records an applied rule.</summary>
    public void Add(string policyName, Overriders overriders) => _items.Add(new OverridePolicyShadow(policyName, overriders));

    /// <summary>
    /// The JSON array upstream's <c>MarshalJSON</c> writes: items sorted by policy name, each
    /// <c>{"policyName":..,"overriders":{..}}</c> with Go's field order and <c>omitempty</c>; null when nothing was applied.
    /// </summary>
    public string? ToAnnotationValue() =>
        _items.Count == 0 ? null : GoJson.Marshal(ToJson(), GoJsonKeyOrder.AsWritten, GoJsonNumbers.AsWritten);

    /// <summary>The items sorted by policy name as JSON.</summary>
    public JsonArray ToJson()
    {
        var array = new JsonArray();
        foreach (var item in _items.OrderBy(i => i.PolicyName, StringComparer.Ordinal))
        {
            array.Add(new JsonObject
            {
                ["policyName"] = item.PolicyName,
                ["overriders"] = OverridersToJson(item.Overriders),
            });
        }

        return array;
    }

    /// <summary>The overriders as Go marshals them; label and annotation maps get Go's sorted key order.</summary>
    public static JsonObject OverridersToJson(Overriders overriders)
    {
        var node = (JsonObject)KarmadaJson.SerializeToNode(overriders)!;
        foreach (var field in new[] { "labelsOverrider", "annotationsOverrider" })
        {
            if (node[field] is not JsonArray list)
            {
                continue;
            }

            foreach (var entry in list.OfType<JsonObject>())
            {
                if (entry["value"] is JsonObject map)
                {
                    var sorted = new JsonObject();
                    foreach (var key in map.Select(p => p.Key).Order(StringComparer.Ordinal).ToList())
                    {
                        var value = map[key];
                        map.Remove(key);
                        sorted[key] = value;
                    }

                    entry["value"] = sorted;
                }
            }
        }

        return node;
    }
}
