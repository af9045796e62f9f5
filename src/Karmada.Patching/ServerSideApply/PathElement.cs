using System.Globalization;
using System.Text.Json.Nodes;
using Karmada.Json;

namespace Karmada.Patching.ServerSideApply;

/// <summary>
/// One step of a field path, as structured-merge-diff's <c>fieldpath.PathElement</c>: equality and hashing use
/// the FieldsV1 key text, ordering follows upstream (fields, then keys, values, indices).
/// </summary>
internal sealed class PathElement : IEquatable<PathElement>, IComparable<PathElement>
{
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

    public static PathElement Field(string name) => new(PathElementKind.Field, "f:" + name, name, null, null, 0);

    public static PathElement KeyOf(IEnumerable<KeyValuePair<string, JsonNode?>> fields)
    {
        var sorted = fields.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        var obj = new JsonObject(sorted.Select(f => KeyValuePair.Create(f.Key, f.Value?.DeepClone())));
        return new(PathElementKind.Key, "k:" + GoJson.Marshal(obj), null, sorted, null, 0);
    }

    public static PathElement ValueOf(JsonNode? value) =>
        new(PathElementKind.Value, "v:" + GoJson.Marshal(value), null, null, value?.DeepClone(), 0);

    public static PathElement IndexOf(int index) =>
        new(PathElementKind.Index, "i:" + index.ToString(CultureInfo.InvariantCulture), null, null, null, index);

    /// <summary>Parses a FieldsV1 member name.</summary>
    /// <exception cref="FormatException">The name is not a valid path element.</exception>
    public static PathElement Parse(string text)
    {
        if (text.Length < 2 || text[1] != ':')
        {
            throw new FormatException($"unknown path element: {text}");
        }

        var body = text[2..];
        switch (text[0])
        {
            case 'f':
                return Field(body);
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

    // structured-merge-diff's value.ToString: strings quoted with %q, other scalars as they print in Go.
    private static string ValueString(JsonNode? value) => JsonValues.KindOf(value) switch
    {
        JsonKind.String => GoQuote.Quote(value!.GetValue<string>()),
        JsonKind.Null => "null",
        JsonKind.Object or JsonKind.Array => GoJson.Marshal(value),
        _ => GoValueFormat.Value(value),
    };
}
