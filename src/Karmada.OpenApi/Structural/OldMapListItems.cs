using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using Karmada.Json;

namespace Karmada.OpenApi.Structural;

/// <summary>
/// The items of a stored <c>x-kubernetes-list-type: map</c> list by their <c>x-kubernetes-list-map-keys</c>, as
/// upstream's <c>MakeMapList</c> finds them: the first item with the keys wins, and an item that is not an object, lacks
/// a key or has a key that is not a scalar has no keys, so nothing correlates with it.
/// </summary>
internal sealed class OldMapListItems
{
    private static readonly OldMapListItems Empty = new([], new Dictionary<string, Entry>(0, StringComparer.Ordinal));

    private readonly string[] _keyFields;
    private readonly Dictionary<string, Entry> _byKey;

    private OldMapListItems(string[] keyFields, Dictionary<string, Entry> byKey)
    {
        _keyFields = keyFields;
        _byKey = byKey;
    }

    public static OldMapListItems For(JsonArray oldItems, JsonObject schema)
    {
        var keyFields = schema.GetArray(SchemaAccess.ListMapKeys)?.Select(JsonValues.AsString).OfType<string>().ToArray() ?? [];
        if (keyFields.Length == 0 || oldItems.Count == 0 || schema.GetTypeKeyword() != "array")
        {
            return Empty;
        }

        var byKey = new Dictionary<string, Entry>(oldItems.Count, StringComparer.Ordinal);
        foreach (var item in oldItems)
        {
            if (item is JsonObject obj && KeyOf(obj, keyFields) is { } key)
            {
                byKey.TryAdd(key, new Entry(obj));
            }
        }

        return new OldMapListItems(keyFields, byKey);
    }

    /// <summary>The old item with the keys of <paramref name="item"/>, if any.</summary>
    public JsonObject? Find(JsonNode? item) =>
        item is JsonObject obj && KeyOf(obj, _keyFields) is { } key && _byKey.TryGetValue(key, out var entry) ? entry.Item : null;

    /// <summary>
    /// Like <see cref="Find"/>, remembering the match: <paramref name="repeated"/> tells that an earlier item of the new
    /// list already matched the same old item (the new list repeats its keys).
    /// </summary>
    public JsonObject? Match(JsonNode? item, out bool repeated)
    {
        repeated = false;
        if (item is not JsonObject obj || KeyOf(obj, _keyFields) is not { } key)
        {
            return null;
        }

        ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_byKey, key);
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref entry))
        {
            return null;
        }

        repeated = entry.Matched;
        entry.Matched = true;
        return entry.Item;
    }

    /// <summary>The item's key values with their kinds (Go keeps 1, 1.0 and "1" apart), or null when it has none.</summary>
    private static string? KeyOf(JsonObject item, string[] keyFields)
    {
        if (keyFields.Length == 1)
        {
            return item.TryGetPropertyValue(keyFields[0], out var value) ? ScalarKey(value) : null;
        }

        var key = new StringBuilder();
        foreach (var field in keyFields)
        {
            if (!item.TryGetPropertyValue(field, out var value) || ScalarKey(value) is not { } part)
            {
                return null;
            }

            // The length keeps parts apart whatever characters a string key holds.
            key.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part);
        }

        return key.ToString();
    }

    private static string? ScalarKey(JsonNode? value) => JsonValues.KindOf(value) switch
    {
        JsonKind.String => "s" + value!.GetValue<string>(),
        JsonKind.Integer => JsonValues.TryGetInteger(value, out var integer) ? "i" + integer.ToString(CultureInfo.InvariantCulture) : null,
        JsonKind.Float => JsonValues.TryGetDouble(value, out var number) ? "f" + number.ToString("R", CultureInfo.InvariantCulture) : null,
        JsonKind.Boolean => value!.GetValue<bool>() ? "btrue" : "bfalse",
        _ => null,
    };

    private struct Entry(JsonObject item)
    {
        public JsonObject Item { get; } = item;

        public bool Matched { get; set; }
    }
}
