namespace Karmada.Storage;

/// <summary>What a watch reports for one change.</summary>
public enum StoreEventType
{
    Created,
    Updated,
    Deleted,
}

/// <summary>
/// One change at <paramref name="Revision"/>. For <see cref="StoreEventType.Deleted"/>, <paramref name="Value"/>
/// is the last value before deletion. <paramref name="PreviousValue"/> is set for updates and deletes when the
/// backend knows it (needed to tell watchers with selectors that an object stopped matching).
/// </summary>
public sealed record StoreEvent(
    StoreEventType Type,
    string Key,
    ReadOnlyMemory<byte> Value,
    long Revision,
    long CreateRevision,
    ReadOnlyMemory<byte>? PreviousValue);
