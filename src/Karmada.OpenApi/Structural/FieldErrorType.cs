namespace Karmada.OpenApi.Structural;

/// <summary>
/// The kind of a field validation error, one to one with apimachinery's <c>field.ErrorType</c>
/// and with the <c>reason</c> of a Status cause.
/// </summary>
public enum FieldErrorType
{
    /// <summary>A referenced value was not found (<c>FieldValueNotFound</c>).</summary>
    NotFound,

    /// <summary>A required value is missing (<c>FieldValueRequired</c>).</summary>
    Required,

    /// <summary>A value that must be unique occurs twice (<c>FieldValueDuplicate</c>).</summary>
    Duplicate,

    /// <summary>A malformed or out-of-range value (<c>FieldValueInvalid</c>).</summary>
    Invalid,

    /// <summary>A value outside an enumeration (<c>FieldValueNotSupported</c>).</summary>
    NotSupported,

    /// <summary>A value that is valid in form but not allowed here (<c>FieldValueForbidden</c>).</summary>
    Forbidden,

    /// <summary>A string longer than allowed (<c>FieldValueTooLong</c>).</summary>
    TooLong,

    /// <summary>A list or map with more entries than allowed (<c>FieldValueTooMany</c>).</summary>
    TooMany,

    /// <summary>An error not caused by the input (<c>InternalError</c>).</summary>
    Internal,

    /// <summary>A value whose JSON type does not match the schema (<c>FieldValueTypeInvalid</c>).</summary>
    TypeInvalid,
}
