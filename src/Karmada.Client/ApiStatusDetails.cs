namespace Karmada.Client;

/// <summary>Details of a <see cref="ApiStatus"/> (<c>metav1.StatusDetails</c>).</summary>
public sealed class ApiStatusDetails
{
    public string? Name { get; set; }

    public string? Group { get; set; }

    /// <summary>The resource plural for NotFound, AlreadyExists and Conflict; the Kind for Invalid (apimachinery's rules).</summary>
    public string? Kind { get; set; }

    public string? Uid { get; set; }

    public List<ApiStatusCause>? Causes { get; set; }

    /// <summary>When set, the number of seconds the client should wait before retrying.</summary>
    public int? RetryAfterSeconds { get; set; }
}
