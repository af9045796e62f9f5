using System.Text.Json.Nodes;
using Karmada.ApiServer.Resources;
using Karmada.Patching.ServerSideApply;

namespace Karmada.ApiServer.Registry;

/// <summary>
/// Keeps <c>metadata.managedFields</c> current for non-apply writes: the fields a write changes become owned by its
/// field manager with operation <c>Update</c>, so server-side apply can detect conflicts with them later.
/// </summary>
public sealed class FieldOwnership(PatchMetas metas, TimeProvider time)
{
    public void RecordCreate(ResourceDefinition resource, JsonObject obj, string? manager) =>
        RecordUpdate(resource, null, obj, manager, "");

    public void RecordUpdate(ResourceDefinition resource, JsonObject? old, JsonObject updated, string? manager, string subresource)
    {
        if (string.IsNullOrEmpty(manager) || subresource == "finalize")
        {
            return;
        }

        var scope = subresource switch
        {
            "" => resource.HasStatus ? ManagedFieldsScope.MainResource : ManagedFieldsScope.MainResourceWithStatus,
            "status" => ManagedFieldsScope.Status,
            _ => ManagedFieldsScope.ForSubresource(subresource),
        };
        FieldManager.RecordUpdate(old, updated, manager, resource.GroupVersion, time.GetUtcNow(), metas.For(resource), scope);
    }
}
