namespace Karmada.ApiServer.Admission;

/// <summary>
/// A mutating or validating step of admission, like one of upstream's webhooks compiled in. Mutating plugins run
/// before validating ones. A plugin rejects a request by throwing an <c>ApiException</c> (422 Invalid with the field
/// at fault, or 403 Forbidden).
/// </summary>
public interface IAdmissionPlugin
{
    /// <summary>Mutating plugins run first, in registration order.</summary>
    bool IsMutating { get; }

    bool Handles(AdmissionRequest request);

    ValueTask AdmitAsync(AdmissionRequest request, CancellationToken cancellationToken);
}
