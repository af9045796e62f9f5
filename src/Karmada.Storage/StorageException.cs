namespace Karmada.Storage;

/// <summary>A store operation that failed for a reason the caller can act on.</summary>
public sealed class StorageException : Exception
{
    public StorageException()
    {
    }

    public StorageException(string message)
        : base(message)
    {
    }

    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageException(StorageErrorKind kind, string key, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Key = key;
    }

    public StorageErrorKind Kind { get; } = StorageErrorKind.Unavailable;

    public string Key { get; } = "";

    /// <summary>For <see cref="StorageErrorKind.Expired"/>: the oldest revision still available.</summary>
    public long CompactedRevision { get; init; }
}
