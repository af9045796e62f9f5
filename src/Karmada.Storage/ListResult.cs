namespace Karmada.Storage;

/// <summary>A page of a list: items in key order, the revision it was read at, and whether more keys follow.</summary>
public sealed record ListResult(IReadOnlyList<StoredObject> Items, long Revision, bool HasMore);
