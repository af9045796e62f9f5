namespace Karmada.Client;

/// <summary>One cause of a failed request (<c>metav1.StatusCause</c>), for example a field that failed validation.</summary>
public sealed class ApiStatusCause
{
    /// <summary>Machine-readable cause, for example <c>FieldValueInvalid</c> or <c>FieldManagerConflict</c>.</summary>
    public string? Reason { get; set; }

    public string? Message { get; set; }

    /// <summary>The field path the cause refers to, for example <c>spec.replicas</c>.</summary>
    public string? Field { get; set; }
}
