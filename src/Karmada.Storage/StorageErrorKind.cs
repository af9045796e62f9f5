namespace Karmada.Storage;

/// <summary>Failure classes the API server maps onto Kubernetes statuses (404, 409, 409, 410, 503).</summary>
public enum StorageErrorKind
{
    NotFound,
    AlreadyExists,
    Conflict,
    Expired,
    Unavailable,
}
