namespace Karmada.Storage;

/// <summary>Argument checks shared by every backend, so they reject the same inputs with the same exceptions.</summary>
internal static class StorageKeys
{
    public static void ValidateKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
    }

    public static void ValidateList(string prefix, ListRequest request)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Limit, nameof(request));
    }

    public static void ValidateWatch(string prefix, long afterRevision)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(afterRevision);
    }

    public static StorageException NotFound(string key) =>
        new(StorageErrorKind.NotFound, key, $"key {key} not found");

    public static StorageException AlreadyExists(string key) =>
        new(StorageErrorKind.AlreadyExists, key, $"key {key} already exists");

    public static StorageException Conflict(string key, long expectedRevision, long actualRevision) =>
        new(StorageErrorKind.Conflict, key, $"key {key} is at revision {actualRevision}, not the expected {expectedRevision}");

    public static StorageException Expired(string prefix, long afterRevision, long oldestValidRevision, string reason) =>
        new(StorageErrorKind.Expired, prefix, $"too old resource version: {afterRevision} ({oldestValidRevision}): {reason}")
        {
            CompactedRevision = oldestValidRevision,
        };
}
