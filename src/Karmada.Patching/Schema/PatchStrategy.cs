namespace Karmada.Patching.Schema;

/// <summary>The strategic-merge-patch strategy of a field (upstream's <c>patchStrategy</c> tag).</summary>
public enum PatchStrategy
{
    /// <summary>No tag: objects merge recursively, lists are replaced.</summary>
    Default,

    /// <summary><c>patchStrategy:"merge"</c>: list items are merged by <see cref="PatchMeta.MergeKey"/> (or by value for primitive lists).</summary>
    Merge,

    /// <summary><c>patchStrategy:"replace"</c>: the value is replaced as a whole.</summary>
    Replace,
}
