namespace Karmada.Policy.Admission;

/// <summary>The apimachinery field error types used by Karmada's validation.</summary>
public static class FieldErrorType
{
    /// <summary><c>FieldValueInvalid</c>.</summary>
    public const string Invalid = "Invalid";

    /// <summary><c>FieldValueRequired</c>.</summary>
    public const string Required = "Required";

    /// <summary><c>FieldValueNotSupported</c>.</summary>
    public const string NotSupported = "NotSupported";

    /// <summary><c>FieldValueForbidden</c>.</summary>
    public const string Forbidden = "Forbidden";

    /// <summary><c>FieldValueDuplicate</c>.</summary>
    public const string Duplicate = "Duplicate";

    /// <summary><c>FieldValueTooLong</c>.</summary>
    public const string TooLong = "TooLong";
}
