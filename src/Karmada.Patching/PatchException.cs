namespace Karmada.Patching;

/// <summary>
/// A patch or apply request that cannot be honoured. Carries what the API server needs to build the
/// <c>Status</c> body exactly as kube-apiserver would: <see cref="StatusCode"/>, <see cref="Reason"/> and the
/// exception <see cref="Exception.Message"/> as <c>Status.message</c>.
/// </summary>
public sealed class PatchException : Exception
{
    /// <summary>The message kube-apiserver uses for every 422 raised while applying a patch.</summary>
    public const string InvalidMessage = "the server rejected our request due to an error in our request";

    /// <summary>An unclassified (500) patch failure.</summary>
    public PatchException()
        : this(PatchErrorKind.Internal, "patch failed", null)
    {
    }

    /// <summary>An unclassified (500) patch failure with <paramref name="message"/> as the status message.</summary>
    public PatchException(string message)
        : this(PatchErrorKind.Internal, message, null)
    {
    }

    /// <summary>An unclassified (500) patch failure caused by <paramref name="innerException"/>.</summary>
    public PatchException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = PatchErrorKind.Internal;
    }

    private PatchException(PatchErrorKind kind, string message, string? detail)
        : base(message)
    {
        Kind = kind;
        Detail = detail;
    }

    /// <summary>The classification that decides the HTTP status.</summary>
    public PatchErrorKind Kind { get; }

    /// <summary>
    /// The precise cause (e.g. <c>testing value /spec/replicas failed: test failed</c>). kube-apiserver does not
    /// put it in the response for 422s; it is meant for logs.
    /// </summary>
    public string? Detail { get; }

    /// <summary>The HTTP status code and <c>Status.code</c>.</summary>
    public int StatusCode => Kind switch
    {
        PatchErrorKind.BadRequest => 400,
        PatchErrorKind.Invalid => 422,
        PatchErrorKind.RequestEntityTooLarge => 413,
        _ => 500,
    };

    /// <summary>The <c>Status.reason</c> value; empty for <see cref="PatchErrorKind.Internal"/> as upstream sends none.</summary>
    public string Reason => Kind switch
    {
        PatchErrorKind.BadRequest => "BadRequest",
        PatchErrorKind.Invalid => "Invalid",
        PatchErrorKind.RequestEntityTooLarge => "RequestEntityTooLarge",
        _ => "",
    };

    internal static PatchException BadRequest(string message) => new(PatchErrorKind.BadRequest, message, message);

    internal static PatchException Invalid(string detail) => new(PatchErrorKind.Invalid, InvalidMessage, detail);

    internal static PatchException TooLarge(string detail) =>
        new(PatchErrorKind.RequestEntityTooLarge, "Request entity too large: " + detail, detail);

    internal static PatchException Internal(string message) => new(PatchErrorKind.Internal, message, message);
}
