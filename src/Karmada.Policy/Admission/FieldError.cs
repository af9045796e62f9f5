namespace Karmada.Policy.Admission;

/// <summary>
/// One validation failure in apimachinery's shape (<c>field.Error</c>): the field path
/// (<c>spec.placement.spreadConstraints[0]</c>), the error type (<see cref="FieldErrorType"/>), upstream's detail
/// message and the offending value. For <see cref="FieldErrorType.NotSupported"/> the message is
/// <c>supported values: "a", "b"</c>.
/// </summary>
/// <param name="FieldPath">Path of the field at fault.</param>
/// <param name="Type">One of the <see cref="FieldErrorType"/> names.</param>
/// <param name="Message">Upstream's detail text (may be empty, as for Required).</param>
/// <param name="BadValue">The rejected value, when the error type carries one.</param>
public sealed record FieldError(string FieldPath, string Type, string Message, object? BadValue)
{
    /// <summary>The supported values of a NotSupported error, in order; empty for other types.</summary>
    public IReadOnlyList<string> SupportedValues { get; init; } = [];
}
