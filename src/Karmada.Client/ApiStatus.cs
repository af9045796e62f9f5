namespace Karmada.Client;

/// <summary>
/// The <c>v1 Status</c> object an API server returns for failed requests and in watch ERROR events.
/// </summary>
public sealed class ApiStatus
{
    /// <summary><c>Success</c> or <c>Failure</c>.</summary>
    public string? Status { get; set; }

    public string? Message { get; set; }

    /// <summary>Machine-readable reason (<c>NotFound</c>, <c>AlreadyExists</c>, <c>Conflict</c>, <c>Invalid</c>, <c>Expired</c>, ...).</summary>
    public string? Reason { get; set; }

    public ApiStatusDetails? Details { get; set; }

    /// <summary>The HTTP status code this Status stands for.</summary>
    public int Code { get; set; }
}
