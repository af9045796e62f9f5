namespace Karmada.Patching.ServerSideApply;

/// <summary>The paths added, modified and removed between two versions of an object.</summary>
internal sealed class Comparison(FieldSet added, FieldSet modified, FieldSet removed)
{
    public FieldSet Added { get; } = added;

    public FieldSet Modified { get; } = modified;

    public FieldSet Removed { get; } = removed;

    public bool IsSame => Added.IsEmpty && Modified.IsEmpty && Removed.IsEmpty;

    /// <summary>Fields whose value this write set: modified or added.</summary>
    public FieldSet Changed => Modified.Union(Added);

    public Comparison Where(Func<FieldPath, bool> predicate) =>
        new(Added.Where(predicate), Modified.Where(predicate), Removed.Where(predicate));
}
