using System.Text;
using System.Text.Json.Nodes;
using Karmada.Json;

namespace Karmada.OpenApi.Structural;

/// <summary>
/// Correlates the items of a list with the items of its old value as upstream's ratcheting does
/// (<c>correlateOldValueForChildAtNewIndex</c>): <c>map</c> lists by their map keys, lists without a list type by index,
/// <c>set</c> and <c>atomic</c> lists not at all.
/// </summary>
internal sealed class OldListItems
{
    private static readonly OldListItems Uncorrelated = new(null, null, null, []);

    private readonly JsonArray? _items;
    private readonly JsonArray? _oldItems;
    private readonly Dictionary<string, JsonNode?>? _oldByKey;
    private readonly IReadOnlyList<string> _keyFields;

    private OldListItems(JsonArray? items, JsonArray? oldItems, Dictionary<string, JsonNode?>? oldByKey, IReadOnlyList<string> keyFields)
    {
        _items = items;
        _oldItems = oldItems;
        _oldByKey = oldByKey;
        _keyFields = keyFields;
    }

    public static OldListItems For(JsonArray items, JsonObject schema, OldValue old)
    {
        if (old.Node is not JsonArray oldItems)
        {
            return Uncorrelated;
        }

        switch (schema.GetString(SchemaAccess.ListType))
        {
            case "map":
                var keyFields = schema.GetArray(SchemaAccess.ListMapKeys)?.Select(JsonValues.AsString).OfType<string>().ToList() ?? [];
                var byKey = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
                foreach (var item in oldItems)
                {
                    if (item is JsonObject obj)
                    {
                        byKey.TryAdd(KeyOf(obj, keyFields), item);
                    }
                }

                return new OldListItems(items, null, byKey, keyFields);
            case "set" or "atomic":
                return Uncorrelated;
            default:
                return new OldListItems(items, oldItems, null, []);
        }
    }

    public OldValue At(int index)
    {
        if (_oldByKey is not null)
        {
            return _items![index] is JsonObject item && _oldByKey.TryGetValue(KeyOf(item, _keyFields), out var oldItem) ? OldValue.Of(oldItem) : OldValue.None;
        }

        return _oldItems is not null && index < _oldItems.Count ? OldValue.Of(_oldItems[index]) : OldValue.None;
    }

    private static string KeyOf(JsonObject item, IReadOnlyList<string> keyFields)
    {
        var key = new StringBuilder();
        foreach (var field in keyFields)
        {
            // Go compares key values by type and value; the kind keeps 1 and "1" apart.
            var value = item.TryGetPropertyValue(field, out var node) ? node : null;
            key.Append(JsonValues.KindOf(value)).Append(':').Append(GoJson.Marshal(value)).Append('\u0000');
        }

        return key.ToString();
    }
}
