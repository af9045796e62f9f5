namespace Karmada.ApiServer.Http;

/// <summary>An error the server answers with a Kubernetes Status (the HTTP code is <see cref="ApiStatus.Code"/>).</summary>
public sealed class ApiException : Exception
{
    public ApiException()
        : this(Errors.Internal("unknown error"))
    {
    }

    public ApiException(string message)
        : this(Errors.Internal(message))
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = Errors.Internal(message);
    }

    public ApiException(ApiStatus status)
        : base(status.Message)
    {
        Status = status;
    }

    public ApiStatus Status { get; }
}
