using System.Net;

namespace Karmada.Client;

/// <summary>
/// A request the API server answered with a failure <see cref="ApiStatus"/> (or a watch ERROR event).
/// The helpers mirror apimachinery's <c>errors.IsNotFound</c> family.
/// </summary>
public class ApiException : Exception
{
    public ApiException()
        : this(new ApiStatus { Status = "Failure", Message = "The API server returned an error." })
    {
    }

    public ApiException(string message)
        : this(new ApiStatus { Status = "Failure", Message = message })
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = new ApiStatus { Status = "Failure", Message = message };
    }

    public ApiException(ApiStatus status)
        : base(FormatMessage(status))
    {
        Status = status;
    }

    /// <summary>The Status the server sent, or one synthesised from the HTTP response when the body was not a Status.</summary>
    public ApiStatus Status { get; }

    /// <summary>The HTTP status code of the failure (<see cref="ApiStatus.Code"/>).</summary>
    public HttpStatusCode StatusCode => (HttpStatusCode)Status.Code;

    /// <summary>The machine-readable reason, empty when the server gave none.</summary>
    public string Reason => Status.Reason ?? string.Empty;

    public bool IsNotFound() => Reason == "NotFound" || (Reason.Length == 0 && Status.Code == 404);

    public bool IsAlreadyExists() => Reason == "AlreadyExists";

    /// <summary>An optimistic-concurrency conflict (stale resourceVersion) or a server-side apply field conflict.</summary>
    public bool IsConflict() => Reason == "Conflict" || (Reason.Length == 0 && Status.Code == 409);

    /// <summary>The requested resourceVersion (or continue token) is too old: relist from scratch.</summary>
    public bool IsGone() => Status.Code == 410 || Reason is "Gone" or "Expired";

    public bool IsInvalid() => Reason == "Invalid" || (Reason.Length == 0 && Status.Code == 422);

    public bool IsTooManyRequests() => Reason == "TooManyRequests" || Status.Code == 429;

    /// <summary>Builds the most specific exception type for a Status (<see cref="ResourceExpiredException"/> for 410).</summary>
    public static ApiException FromStatus(ApiStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Code == 410 || status.Reason is "Expired" or "Gone"
            ? new ResourceExpiredException(status)
            : new ApiException(status);
    }

    private static string FormatMessage(ApiStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var reason = string.IsNullOrEmpty(status.Reason) ? "Unknown" : status.Reason;
        return $"{reason} ({status.Code}): {status.Message}";
    }
}
