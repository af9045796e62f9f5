namespace Karmada.Patching.ServerSideApply;

/// <summary>The kinds of step in a field path, in the order structured-merge-diff sorts them.</summary>
internal enum PathElementKind
{
    /// <summary>A struct field or map key (<c>f:name</c>).</summary>
    Field,

    /// <summary>A keyed list item (<c>k:{"name":"x"}</c>).</summary>
    Key,

    /// <summary>A set item (<c>v:"x"</c>).</summary>
    Value,

    /// <summary>A positional list item (<c>i:0</c>).</summary>
    Index,
}
