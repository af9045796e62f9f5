namespace Karmada.ApiServer.Admission;

/// <summary>Validates ObjectMeta of every created or updated object, and finalizer rules on terminating objects.</summary>
public sealed class ObjectMetaValidation : IAdmissionPlugin
{
    public bool IsMutating => false;

    public bool Handles(AdmissionRequest request) => request.Operation != AdmissionOperation.Delete && request.Object is not null;

    public ValueTask AdmitAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        ObjectMetaValidator.Validate(request.Resource, request.Object!, errors);
        if (request.Operation == AdmissionOperation.Update && request.OldObject?["metadata"]?["deletionTimestamp"] is not null)
        {
            var oldFinalizers = (request.OldObject["metadata"]?["finalizers"] as System.Text.Json.Nodes.JsonArray ?? []).Select(f => (string?)f).ToHashSet();
            var added = (request.Object!["metadata"]?["finalizers"] as System.Text.Json.Nodes.JsonArray ?? []).Select(f => (string?)f).Where(f => !oldFinalizers.Contains(f)).ToList();
            if (added.Count > 0)
            {
                errors.Forbidden("metadata.finalizers", "no new finalizers can be added if the object is being deleted, found new finalizers " + string.Join(", ", added.Select(f => $"\"{f}\"")));
            }
        }

        errors.ThrowIfAny(request.Resource, request.Name);
        return ValueTask.CompletedTask;
    }
}
