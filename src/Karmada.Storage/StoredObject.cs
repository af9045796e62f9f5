namespace Karmada.Storage;

/// <summary>One key's value with the revision that created it and the revision that last changed it.</summary>
public sealed record StoredObject(string Key, ReadOnlyMemory<byte> Value, long CreateRevision, long ModRevision);
