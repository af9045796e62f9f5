namespace Karmada.Patching.Schema;

/// <summary>How server-side apply identifies list items (upstream's <c>+listType</c> marker).</summary>
public enum ListType
{
    /// <summary>The list is one value, owned and replaced as a whole.</summary>
    Atomic,

    /// <summary>A set of scalars; each item is identified by its value (<c>v:"x"</c> in managed fields).</summary>
    Set,

    /// <summary>Items are objects identified by <see cref="PatchMeta.ListMapKeys"/> (<c>k:{"name":"x"}</c>).</summary>
    Map,
}
