using System.Text.Json.Nodes;
using Karmada.Json;

namespace Karmada.OpenApi.Structural;

/// <summary>
/// A value of an updated object with the stored object's value at the same place, as upstream's validation ratcheting
/// (<c>CRDValidationRatcheting</c>) correlates them in its <c>CorrelatedObject</c> tree: a property of a correlated
/// object by name when the schema gives it one (a property or additionalProperties), an item of a <c>map</c> list by
/// its map keys, an item of a list without a list type by index. Items of <c>set</c> and <c>atomic</c> lists are never
/// correlated. A value without a correlated old value is represented by <see langword="null"/>.
/// </summary>
/// <remarks>
/// <para>
/// Whether a value is unchanged is upstream's <c>CachedDeepEqual</c>: an object or list is unchanged when each of its
/// children is unchanged from its correlated old value (a child that cannot be correlated makes it changed, and a list
/// whose items are not correlated compares as a whole), a scalar when it equals its old value as Go compares them.
/// Upstream turns every error found at and below an unchanged value into a warning, so validating it is skipped.
/// </para>
/// <para>
/// Each value is compared once, bottom-up, when its parent is: a child's result is kept by its parent, so the value
/// validator and the list-type validator share every comparison and no subtree is compared twice. Only changed objects
/// and lists get a node of their own; unchanged values and changed scalars share a few immutable results. Not thread
/// safe: one tree serves one validation.
/// </para>
/// </remarks>
internal sealed class CorrelatedValue
{
    private static readonly CorrelatedValue Unchanged = new(Comparison.Unchanged);
    private static readonly CorrelatedValue UnchangedWithRepeatedKeys = new(Comparison.UnchangedWithRepeatedKeys);
    private static readonly CorrelatedValue ChangedLeaf = new(Comparison.Changed);

    // Kept among a node's children for a child without an old value; callers see null.
    private static readonly CorrelatedValue Uncorrelated = new(Comparison.Changed);

    private readonly JsonNode? _value;
    private readonly JsonNode? _old;
    private readonly JsonObject? _schema;
    private readonly Comparison _comparison;

    // Children below this index were compared unchanged (and without repeated keys) while comparing this value.
    private readonly int _unchangedPrefix;
    private CorrelatedValue?[]? _children;
    private OldMapListItems? _oldMapItems;

    private CorrelatedValue(Comparison comparison) => _comparison = comparison;

    private CorrelatedValue(JsonNode value, JsonNode old, JsonObject schema, int unchangedPrefix, OldMapListItems? oldMapItems)
    {
        _value = value;
        _old = old;
        _schema = schema;
        _comparison = Comparison.Changed;
        _unchangedPrefix = unchangedPrefix;
        _oldMapItems = oldMapItems;
    }

    private enum Comparison
    {
        Unchanged,

        /// <summary>Unchanged, but some map list in it has new items sharing the keys (and so the old item) of one.</summary>
        UnchangedWithRepeatedKeys,

        Changed,
    }

    /// <summary>Whether upstream ratchets this value: it is unchanged from its correlated old value.</summary>
    public bool IsUnchanged => _comparison != Comparison.Changed;

    /// <summary>
    /// Unchanged, and no map list in it repeats the keys of an item: its list-set and list-map rules hold whenever
    /// they held for the old value.
    /// </summary>
    public bool KeepsListRules => _comparison == Comparison.Unchanged;

    /// <summary>Correlates <paramref name="value"/> with <paramref name="old"/> under <paramref name="schema"/>.</summary>
    public static CorrelatedValue Of(JsonNode? value, JsonNode? old, JsonObject schema) => (value, old) switch
    {
        (JsonObject obj, JsonObject oldObj) => CompareObjects(obj, oldObj, schema),
        (JsonArray array, JsonArray oldArray) => CompareArrays(array, oldArray, schema),
        _ => UnstructuredEquality.AreEqual(value, old) ? Unchanged : ChangedLeaf,
    };

    /// <summary>Upstream's <c>Key</c>: the correlated property <paramref name="name"/> of this object, if any.</summary>
    public CorrelatedValue? Property(string name)
    {
        if (_value is not JsonObject obj)
        {
            return null;
        }

        var index = obj.IndexOf(name);
        return index < 0 ? null : Child(index, obj.Count);
    }

    /// <summary>Upstream's <c>Index</c>: the correlated item <paramref name="index"/> of this list, if any.</summary>
    public CorrelatedValue? Item(int index) =>
        _value is JsonArray array && (uint)index < (uint)array.Count ? Child(index, array.Count) : null;

    private static CorrelatedValue CompareObjects(JsonObject value, JsonObject old, JsonObject schema)
    {
        if (schema.GetProperties() is null && schema.GetAdditionalProperties().Schema is null)
        {
            // No field has a schema, so none correlates (an object of preserved unknown fields): only empty objects
            // are equal, and nothing below needs a node.
            return value.Count == 0 && old.Count == 0 ? Unchanged : ChangedLeaf;
        }

        if (value.Count != old.Count)
        {
            return new CorrelatedValue(value, old, schema, 0, null);
        }

        List<int>? repeated = null;
        for (var i = 0; i < value.Count; i++)
        {
            var child = CorrelateProperty(value, old, schema, i);
            if (child.Tally(i, ref repeated))
            {
                return new CorrelatedValue(value, old, schema, i, null).Remember(i, child, repeated, value.Count);
            }
        }

        return repeated is null ? Unchanged : UnchangedWithRepeatedKeys;
    }

    private static CorrelatedValue CompareArrays(JsonArray value, JsonArray old, JsonObject schema)
    {
        if (value.Count != old.Count)
        {
            return new CorrelatedValue(value, old, schema, 0, null);
        }

        switch (schema.GetString(SchemaAccess.ListType))
        {
            case "map":
                return CompareMapList(value, old, schema);
            case "set" or "atomic":
                // Items are not correlated, so the list compares as a whole and nothing below it correlates.
                return UnstructuredEquality.AreEqual(value, old) ? Unchanged : ChangedLeaf;
        }

        List<int>? repeated = null;
        var items = schema.GetItems();
        for (var i = 0; i < value.Count; i++)
        {
            if (items is null || JsonValues.IsNull(old[i]))
            {
                // Upstream compares a list with an item it cannot correlate as a whole.
                return UnstructuredEquality.AreEqual(value, old)
                    ? Unchanged
                    : new CorrelatedValue(value, old, schema, i, null).Remember(i, Uncorrelated, repeated, value.Count);
            }

            var child = Of(value[i], old[i], items);
            if (child.Tally(i, ref repeated))
            {
                return new CorrelatedValue(value, old, schema, i, null).Remember(i, child, repeated, value.Count);
            }
        }

        return repeated is null ? Unchanged : UnchangedWithRepeatedKeys;
    }

    private static CorrelatedValue CompareMapList(JsonArray value, JsonArray old, JsonObject schema)
    {
        var oldItems = OldMapListItems.For(old, schema);
        var items = schema.GetItems();
        var repeatsKeys = false;
        List<int>? repeated = null;
        for (var i = 0; i < value.Count; i++)
        {
            var oldItem = oldItems.Match(value[i], out var repeatedKey);
            var child = oldItem is null || items is null ? Uncorrelated : Of(value[i], oldItem, items);
            if (child.Tally(i, ref repeated))
            {
                return new CorrelatedValue(value, old, schema, i, oldItems).Remember(i, child, repeated, value.Count);
            }

            repeatsKeys |= repeatedKey;
        }

        return repeated is null && !repeatsKeys ? Unchanged : UnchangedWithRepeatedKeys;
    }

    private static CorrelatedValue CorrelateProperty(JsonObject value, JsonObject old, JsonObject? schema, int index)
    {
        var (key, child) = value.GetAt(index);
        return old.TryGetPropertyValue(key, out var oldChild) && schema.FieldSchema(key) is { } childSchema
            ? Of(child, oldChild, childSchema)
            : Uncorrelated;
    }

    /// <summary>Whether this child makes its parent changed; a child with repeated keys is noted.</summary>
    private bool Tally(int index, ref List<int>? repeated)
    {
        if (_comparison == Comparison.UnchangedWithRepeatedKeys)
        {
            (repeated ??= []).Add(index);
        }

        return _comparison == Comparison.Changed;
    }

    /// <summary>Keeps what comparing this value learnt about its children beyond the unchanged prefix.</summary>
    private CorrelatedValue Remember(int changedIndex, CorrelatedValue changed, List<int>? repeated, int count)
    {
        _children = new CorrelatedValue?[count];
        _children[changedIndex] = changed;
        foreach (var index in repeated ?? [])
        {
            _children[index] = UnchangedWithRepeatedKeys;
        }

        return this;
    }

    private CorrelatedValue? Child(int index, int count)
    {
        var child = _children?[index];
        if (child is null)
        {
            if (index < _unchangedPrefix)
            {
                return Unchanged;
            }

            _children ??= new CorrelatedValue?[count];
            child = _children[index] = CorrelateChild(index);
        }

        return ReferenceEquals(child, Uncorrelated) ? null : child;
    }

    private CorrelatedValue CorrelateChild(int index)
    {
        if (_value is JsonObject obj)
        {
            return _old is JsonObject oldObj ? CorrelateProperty(obj, oldObj, _schema, index) : Uncorrelated;
        }

        if (_value is not JsonArray array || _old is not JsonArray old || _schema?.GetItems() is not { } items)
        {
            return Uncorrelated;
        }

        JsonNode? oldItem;
        switch (_schema.GetString(SchemaAccess.ListType))
        {
            case "map":
                _oldMapItems ??= OldMapListItems.For(old, _schema);
                oldItem = _oldMapItems.Find(array[index]);
                break;
            case "set" or "atomic":
                return Uncorrelated;
            default:
                oldItem = index < old.Count ? old[index] : null;
                break;
        }

        return JsonValues.IsNull(oldItem) ? Uncorrelated : Of(array[index], oldItem, items);
    }
}
