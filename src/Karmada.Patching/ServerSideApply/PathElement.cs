using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Karmada.Json;

namespace Karmada.Patching.ServerSideApply;

/// <summary>
/// One step of a field path, as structured-merge-diff's <c>fieldpath.PathElement</c>: equality and hashing use
/// the FieldsV1 key text, ordering follows upstream (fields, then keys, values, indices).
/// </summary>
internal sealed class PathElement : IEquatable<PathElement>, IComparable<PathElement>
{
    // Every update decodes the stored managed fields, whose member names repeat from object to object: parsed
    // elements are kept by text, up to a bound (names include label and data keys), and only those whose values are
    // plain JSON values, which are safe to read from any thread.
    private const int MaxParsed = 16_384;
    private static readonly ConcurrentDictionary<string, PathElement> ParsedByText = new(StringComparer.Ordinal);
    private static int _parsedCount;

    // Every walk of an object (creates, comparisons) names each field it visits: field elements, immutable, are kept
    // by name up to a bound (names include label, annotation and data keys).
    private const int MaxFields = 16_384;
    private static readonly ConcurrentDictionary<string, PathElement> FieldsByName = new(StringComparer.Ordinal);
    private static int _fieldCount;

    private PathElement(PathElementKind kind, string text, string? fieldName, IReadOnlyList<KeyValuePair<string, JsonNode?>>? key, JsonNode? value, int index)
    {
        Kind = kind;
        Text = text;
        FieldName = fieldName;
        Key = key;
        Value = value;
        Index = index;
    }

    public PathElementKind Kind { get; }

    /// <summary>The FieldsV1 member name (<c>f:x</c>, <c>k:{...}</c>, <c>v:...</c>, <c>i:n</c>).</summary>
    public string Text { get; }

    public string? FieldName { get; }

    /// <summary>Key fields sorted by name.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode?>>? Key { get; }

    public JsonNode? Value { get; }

    public int Index { get; }

    public static PathElement Field(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (FieldsByName.TryGetValue(name, out var known))
        {
            return known;
        }

        var element = new PathElement(PathElementKind.Field, "f:" + name, name, null, null, 0);
        if (Volatile.Read(ref _fieldCount) < MaxFields && FieldsByName.TryAdd(name, element))
        {
            Interlocked.Increment(ref _fieldCount);
        }

        return element;
    }

    public static PathElement KeyOf(IEnumerable<KeyValuePair<string, JsonNode?>> fields)
    {
        var sorted = new List<KeyValuePair<string, JsonNode?>>(fields);
        for (var i = 0; i < sorted.Count; i++)
        {
            sorted[i] = KeyValuePair.Create(sorted[i].Key, OwnString(sorted[i].Value));
        }

        if (sorted.Count > 1)
        {
            sorted.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        }

        // The text is json.Marshal of the key object, whose members Go writes sorted by name, written member by
        // member: identifying list items is on every update's path, and a JsonObject of copies per item was not.
        var text = new StringBuilder("k:{");
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            AppendJsonString(text, sorted[i].Key);
            text.Append(':').Append(GoJson.Marshal(sorted[i].Value));
        }

        return new(PathElementKind.Key, text.Append('}').ToString(), null, sorted, null, 0);
    }

    public static PathElement ValueOf(JsonNode? value)
    {
        var own = OwnString(value);
        return new(PathElementKind.Value, "v:" + GoJson.Marshal(own), null, null, ReferenceEquals(own, value) ? value?.DeepClone() : own, 0);
    }

    public static PathElement IndexOf(int index) =>
        new(PathElementKind.Index, "i:" + index.ToString(CultureInfo.InvariantCulture), null, null, null, index);

    /// <summary>Parses a FieldsV1 member name.</summary>
    /// <exception cref="FormatException">The name is not a valid path element.</exception>
    public static PathElement Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (ParsedByText.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var parsed = ParseUncached(text);
        if (IsShareable(parsed) && Volatile.Read(ref _parsedCount) < MaxParsed && ParsedByText.TryAdd(text, parsed))
        {
            Interlocked.Increment(ref _parsedCount);
        }

        return parsed;
    }

    private static PathElement ParseUncached(string text)
    {
        if (text.Length < 2 || text[1] != ':')
        {
            throw new FormatException($"unknown path element: {text}");
        }

        var body = text[2..];
        switch (text[0])
        {
            case 'f':
                return new(PathElementKind.Field, text, body, null, null, 0);
            case 'k':
                if (JsonNode.Parse(body) is not JsonObject fields)
                {
                    throw new FormatException($"invalid key: {text}");
                }

                return KeyOf(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).ToList());
            case 'v':
                return ValueOf(JsonNode.Parse(body));
            case 'i':
                return int.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    ? IndexOf(index)
                    : throw new FormatException($"invalid index: {text}");
            default:
                throw new FormatException($"unknown path element: {text}");
        }
    }

    /// <summary>The element as structured-merge-diff prints it in paths: <c>.name</c>, <c>[name="x"]</c>, <c>[="x"]</c>, <c>[0]</c>.</summary>
    public override string ToString() => Kind switch
    {
        PathElementKind.Field => "." + FieldName,
        PathElementKind.Key => "[" + string.Join(',', Key!.Select(k => k.Key + "=" + ValueString(k.Value))) + "]",
        PathElementKind.Value => "[=" + ValueString(Value) + "]",
        _ => "[" + Index.ToString(CultureInfo.InvariantCulture) + "]",
    };

    public bool Equals(PathElement? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as PathElement);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public int CompareTo(PathElement? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (Kind != other.Kind)
        {
            return Kind.CompareTo(other.Kind);
        }

        switch (Kind)
        {
            case PathElementKind.Field:
                return string.CompareOrdinal(FieldName, other.FieldName);
            case PathElementKind.Key:
                for (var i = 0; i < Math.Min(Key!.Count, other.Key!.Count); i++)
                {
                    var c = string.CompareOrdinal(Key[i].Key, other.Key[i].Key);
                    if (c == 0)
                    {
                        c = JsonValueComparer.Compare(Key[i].Value, other.Key[i].Value);
                    }

                    if (c != 0)
                    {
                        return c;
                    }
                }

                return Key.Count.CompareTo(other.Key.Count);
            case PathElementKind.Value:
                return JsonValueComparer.Compare(Value, other.Value);
            default:
                return Index.CompareTo(other.Index);
        }
    }

    // A string value of a parsed object reads its document on every access (a new string each time, and through a
    // cache a document keeps unsynchronised): an element holds its own string instead, read once. Elements are
    // compared on every sort of a list's items and shared between threads once parsed.
    private static JsonNode? OwnString(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<System.Text.Json.JsonElement>(out var element) && element.ValueKind == System.Text.Json.JsonValueKind.String
            ? JsonValue.Create(element.GetString())
            : value;

    internal static bool IsShareable(PathElement element) => element.Kind switch
    {
        PathElementKind.Key => element.Key!.All(k => k.Value is null or JsonValue),
        PathElementKind.Value => element.Value is null or JsonValue,
        _ => true,
    };

    // Key names are schema field names: plain ones need no escaping, anything else is written as Go would.
    private static void AppendJsonString(StringBuilder text, string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.' or '/'))
            {
                text.Append(GoJson.Marshal(JsonValue.Create(value)));
                return;
            }
        }

        text.Append('"').Append(value).Append('"');
    }

    // structured-merge-diff's value.ToString: strings quoted with %q, other scalars as they print in Go.
    private static string ValueString(JsonNode? value) => JsonValues.KindOf(value) switch
    {
        JsonKind.String => GoQuote.Quote(value!.GetValue<string>()),
        JsonKind.Null => "null",
        JsonKind.Object or JsonKind.Array => GoJson.Marshal(value),
        _ => GoValueFormat.Value(value),
    };
}
