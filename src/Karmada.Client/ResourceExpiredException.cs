namespace Karmada.Client;

/// <summary>
/// The resourceVersion a watch (or a continue token of a list) asked for is older than the server retains:
/// HTTP 410 or a watch ERROR event carrying a 410 <c>Expired</c> Status. The only recovery is a fresh list.
/// </summary>
public sealed class ResourceExpiredException : ApiException
{
    public ResourceExpiredException()
        : this(new ApiStatus { Status = "Failure", Reason = "Expired", Code = 410, Message = "The requested resourceVersion is too old." })
    {
    }

    public ResourceExpiredException(string message)
        : this(new ApiStatus { Status = "Failure", Reason = "Expired", Code = 410, Message = message })
    {
    }

    public ResourceExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ResourceExpiredException(ApiStatus status)
        : base(status)
    {
    }
}
