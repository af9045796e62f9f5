using Karmada.ApiServer.Admission;
using Karmada.ApiServer.Http;
using Karmada.OpenApi.Structural;

namespace Karmada.ApiServer.OpenApi;

/// <summary>
/// Validates objects against their structural schema (422 Invalid with the fields at fault); updates with upstream's
/// validation ratcheting, so values left as they were never fail an update.
/// </summary>
public sealed class SchemaValidation(SchemaRegistry schemas) : IAdmissionPlugin
{
    public bool IsMutating => false;

    public bool Handles(AdmissionRequest request) =>
        request.Operation != AdmissionOperation.Delete && request.Object is not null && request.Resource.IsCustom;

    public ValueTask AdmitAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        if (schemas.StructuralFor(request.Resource) is not { } schema)
        {
            return ValueTask.CompletedTask;
        }

        var errors = request.Operation == AdmissionOperation.Update && request.OldObject is { } old
            ? SchemaValidator.ValidateUpdate(request.Object, old, schema)
            : SchemaValidator.Validate(request.Object, schema);
        if (errors.Count > 0)
        {
            var causes = errors.Select(e => new StatusCause(e.CauseReason, e.ErrorBody, e.Field)).ToList();
            throw new ApiException(Errors.Invalid(request.Resource, request.Name, causes));
        }

        return ValueTask.CompletedTask;
    }
}
