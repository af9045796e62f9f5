namespace Karmada.Patching;

/// <summary>
/// How kube-apiserver classifies a patch that cannot be applied; each kind maps to one HTTP status and
/// <c>Status.reason</c>.
/// </summary>
public enum PatchErrorKind
{
    /// <summary>The patch document is malformed (400 <c>BadRequest</c>).</summary>
    BadRequest,

    /// <summary>
    /// The patch is well formed but cannot be applied to the object (422 <c>Invalid</c>), e.g. a failed JSON patch
    /// <c>test</c> or a missing path. The status message is the generic
    /// <c>the server rejected our request due to an error in our request</c>.
    /// </summary>
    Invalid,

    /// <summary>Too many JSON patch operations (413 <c>RequestEntityTooLarge</c>).</summary>
    RequestEntityTooLarge,

    /// <summary>
    /// An error upstream does not classify; kube-apiserver answers 500 with an empty reason and the error text as
    /// the message (kubectl prints <c>Error from server: ...</c>).
    /// </summary>
    Internal,
}
