using System.Collections.Frozen;

namespace Karmada.Patching.Schema;

/// <summary>
/// What the patch engines need to know about a value in an object: its shape, how strategic merge patch merges
/// it (<c>patchStrategy</c>/<c>patchMergeKey</c> tags) and how server-side apply identifies and owns its parts
/// (<c>+listType</c>, <c>+listMapKey</c>, <c>+mapType</c>/<c>+structType</c> markers). A tree of these mirrors
/// the Go API types; anything not described is <see cref="Unknown"/>, which behaves like JSON merge patch.
/// Instances are immutable; the <c>With*</c> methods return modified copies.
/// </summary>
public sealed record PatchMeta
{
    private static readonly IReadOnlyDictionary<string, PatchMeta> NoFields = FrozenDictionary<string, PatchMeta>.Empty;
    private static readonly IReadOnlyDictionary<string, string> NoDefaults = FrozenDictionary<string, string>.Empty;

    /// <summary>No schema information: objects merge, lists are atomic.</summary>
    public static PatchMeta Unknown { get; } = new();

    /// <summary>A scalar leaf.</summary>
    public static PatchMeta Scalar { get; } = new() { Kind = PatchMetaKind.Scalar };

    /// <summary>The shape of the value.</summary>
    public PatchMetaKind Kind { get; init; }

    /// <summary>Declared fields of a <see cref="PatchMetaKind.Struct"/>; undeclared fields are <see cref="Unknown"/>.</summary>
    public IReadOnlyDictionary<string, PatchMeta> Fields { get; init; } = NoFields;

    /// <summary>The list items of a <see cref="PatchMetaKind.List"/> or the values of a <see cref="PatchMetaKind.Map"/>.</summary>
    public PatchMeta? Elements { get; init; }

    /// <summary>The strategic merge patch strategy.</summary>
    public PatchStrategy Strategy { get; init; }

    /// <summary>
    /// <c>patchStrategy:"retainKeys"</c>: kubectl sends <c>$retainKeys</c> for this value (or, on a list, for each
    /// item) so fields it dropped are cleared. Applying the directive does not depend on this flag.
    /// </summary>
    public bool RetainKeys { get; init; }

    /// <summary>The strategic merge patch key of a list of objects (<c>patchMergeKey</c>).</summary>
    public string? MergeKey { get; init; }

    /// <summary>How server-side apply identifies the items of a list.</summary>
    public ListType ListType { get; init; }

    /// <summary>The fields identifying an item when <see cref="ListType"/> is <see cref="ListType.Map"/>.</summary>
    public IReadOnlyList<string> ListMapKeys { get; init; } = [];

    /// <summary>
    /// Defaults of key fields (e.g. a container port's <c>protocol</c> is <c>TCP</c>), used to identify items
    /// that omit them, as upstream does with the OpenAPI defaults.
    /// </summary>
    public IReadOnlyDictionary<string, string> KeyDefaults { get; init; } = NoDefaults;

    /// <summary>
    /// <c>+structType=atomic</c> / <c>+mapType=atomic</c>: server-side apply owns and replaces the object as one value.
    /// </summary>
    public bool IsAtomic { get; init; }

    /// <summary>
    /// The Go type always serializes this field (a non-pointer struct or a slice without <c>omitempty</c>), so
    /// upstream never sees it appear or disappear. Field ownership computations treat an absent value as present
    /// and empty, which reproduces upstream's managed fields (no <c>.</c> entry for <c>f:spec</c> of a Deployment).
    /// </summary>
    public bool AlwaysSerialized { get; init; }

    /// <summary>The meta of list items or map values (never <see langword="null"/>).</summary>
    public PatchMeta Items => Elements ?? Unknown;

    /// <summary>Whether strategic merge patch merges this list by key or value.</summary>
    public bool MergesList => Strategy == PatchStrategy.Merge;

    /// <summary>Whether strategic merge patch replaces this object instead of merging it.</summary>
    public bool ReplacesObject => Strategy == PatchStrategy.Replace;

    /// <summary>Whether server-side apply treats this list as one value.</summary>
    public bool IsAtomicList => Kind != PatchMetaKind.List || ListType == ListType.Atomic;

    /// <summary>An object with the given declared fields.</summary>
    public static PatchMeta Struct(params (string Name, PatchMeta Meta)[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new() { Kind = PatchMetaKind.Struct, Fields = fields.ToFrozenDictionary(f => f.Name, f => f.Meta, StringComparer.Ordinal) };
    }

    /// <summary>A struct owned and replaced as a whole by server-side apply (<c>+structType=atomic</c>).</summary>
    public static PatchMeta AtomicStruct() => new() { Kind = PatchMetaKind.Struct, IsAtomic = true };

    /// <summary>A granular map (<c>map[string]T</c>), e.g. labels.</summary>
    public static PatchMeta Map(PatchMeta? values = null) => new() { Kind = PatchMetaKind.Map, Elements = values ?? Scalar };

    /// <summary>A map owned as a whole by server-side apply (<c>+mapType=atomic</c>), e.g. a pod's <c>nodeSelector</c>.</summary>
    public static PatchMeta AtomicMap() => new() { Kind = PatchMetaKind.Map, Elements = Scalar, IsAtomic = true };

    /// <summary>A list replaced as a whole by both strategic merge patch and server-side apply.</summary>
    public static PatchMeta AtomicList(PatchMeta? items = null) => new() { Kind = PatchMetaKind.List, Elements = items };

    /// <summary>
    /// A list of objects merged by <paramref name="mergeKey"/> (strategic merge patch) and keyed by the same field
    /// for server-side apply unless <see cref="WithListMapKeys"/> says otherwise.
    /// </summary>
    public static PatchMeta MergeList(string mergeKey, PatchMeta? items = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(mergeKey);
        return new()
        {
            Kind = PatchMetaKind.List,
            Elements = items ?? Unknown,
            Strategy = PatchStrategy.Merge,
            MergeKey = mergeKey,
            ListType = ListType.Map,
            ListMapKeys = [mergeKey],
        };
    }

    /// <summary>A list of scalars merged by value (strategic merge patch) and a set for server-side apply, e.g. finalizers.</summary>
    public static PatchMeta MergeSet() =>
        new() { Kind = PatchMetaKind.List, Elements = Scalar, Strategy = PatchStrategy.Merge, ListType = ListType.Set };

    /// <summary>A set of scalars for server-side apply that strategic merge patch replaces (no patch tags).</summary>
    public static PatchMeta Set() => new() { Kind = PatchMetaKind.List, Elements = Scalar, ListType = ListType.Set };

    /// <summary>A list keyed for server-side apply that strategic merge patch replaces (no patch tags).</summary>
    public static PatchMeta KeyedList(PatchMeta? items, params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return new() { Kind = PatchMetaKind.List, Elements = items ?? Unknown, ListType = ListType.Map, ListMapKeys = keys };
    }

    /// <summary>The meta of a field (a struct field, or the values of a map); <see cref="Unknown"/> if undeclared.</summary>
    public PatchMeta Field(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Kind switch
        {
            PatchMetaKind.Map => Items,
            PatchMetaKind.Struct => Fields.TryGetValue(name, out var field) ? field : Unknown,
            _ => Unknown,
        };
    }

    /// <summary>
    /// Whether the keys of this object are named (struct) fields rather than map data. Server-side apply owns map
    /// entries themselves but struct fields only through their contents; schemaless objects count as structs.
    /// </summary>
    public bool HasNamedFields => Kind != PatchMetaKind.Map;

    /// <summary>Adds or replaces declared fields (turning the meta into a struct).</summary>
    public PatchMeta WithFields(params (string Name, PatchMeta Meta)[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var merged = new Dictionary<string, PatchMeta>(Fields, StringComparer.Ordinal);
        foreach (var (name, meta) in fields)
        {
            merged[name] = meta;
        }

        return this with { Kind = PatchMetaKind.Struct, Fields = merged.ToFrozenDictionary(StringComparer.Ordinal) };
    }

    /// <summary>Sets the server-side apply keys of a keyed list.</summary>
    public PatchMeta WithListMapKeys(params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return this with { ListType = ListType.Map, ListMapKeys = keys };
    }

    /// <summary>Declares the default of a key field.</summary>
    public PatchMeta WithKeyDefault(string key, string value)
    {
        var defaults = new Dictionary<string, string>(KeyDefaults, StringComparer.Ordinal) { [key] = value };
        return this with { KeyDefaults = defaults.ToFrozenDictionary(StringComparer.Ordinal) };
    }

    /// <summary>Adds the <c>retainKeys</c> strategy.</summary>
    public PatchMeta WithRetainKeys() => this with { RetainKeys = true };

    /// <summary>Sets the strategic merge patch strategy.</summary>
    public PatchMeta WithStrategy(PatchStrategy strategy) => this with { Strategy = strategy };

    /// <summary>
    /// Makes server-side apply treat the value as one unit (an atomic list, struct or map) without changing how
    /// strategic merge patch merges it.
    /// </summary>
    public PatchMeta AsAtomic() => Kind == PatchMetaKind.List
        ? this with { ListType = ListType.Atomic, ListMapKeys = [] }
        : this with { IsAtomic = true };

    /// <summary>Marks the field as always serialized by the Go types (see <see cref="AlwaysSerialized"/>).</summary>
    public PatchMeta AsAlwaysSerialized() => this with { AlwaysSerialized = true };
}
