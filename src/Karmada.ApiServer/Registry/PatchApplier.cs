using System.Text.Json.Nodes;
using Karmada.ApiServer.Http;
using Karmada.ApiServer.Resources;
using Karmada.Patching;
using Karmada.Patching.Json;
using Karmada.Patching.ServerSideApply;
using Karmada.Patching.Strategic;

namespace Karmada.ApiServer.Registry;

/// <summary>
/// Applies PATCH bodies by type, as kube-apiserver does: JSON merge patch, JSON patch, strategic merge patch (built-in
/// kinds only; custom kinds answer 415 like CRDs) and server-side apply with field ownership and conflicts.
/// </summary>
public sealed class PatchApplier(PatchMetas metas, TimeProvider time)
{
    public ParsedPatch Parse(ResourceDefinition resource, string patchType, byte[] body, WriteOptions options)
    {
        switch (patchType)
        {
            case MediaTypes.MergePatch or MediaTypes.JsonPatch:
                break;
            case MediaTypes.StrategicMergePatch when resource.IsCustom:
                throw new ApiException(Errors.UnsupportedMediaType($"the body of the request was in an unknown format - accepted media types include: {MediaTypes.JsonPatch}, {MediaTypes.MergePatch}, {MediaTypes.ApplyPatch}"));
            case MediaTypes.StrategicMergePatch:
                break;
            case MediaTypes.ApplyPatch:
                if (string.IsNullOrEmpty(options.FieldManager) || options.FieldManager == "unknown")
                {
                    throw new ApiException(Errors.Invalid(resource, "", [new StatusCause("FieldValueRequired", "Required value: is required for apply patch", "fieldManager")]) with
                    {
                        Message = "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch",
                    });
                }

                break;
            default:
                throw new ApiException(Errors.UnsupportedMediaType($"the body of the request was in an unknown format - accepted media types include: {MediaTypes.JsonPatch}, {MediaTypes.MergePatch}, {MediaTypes.ApplyPatch}{(resource.IsCustom ? "" : ", " + MediaTypes.StrategicMergePatch)}"));
        }

        var node = RequestBody.DecodeNode(body, patchType, "error decoding patch") ?? throw new ApiException(Errors.BadRequest("the patch body is null"));
        if (patchType == MediaTypes.JsonPatch ? node is not JsonArray : node is not JsonObject)
        {
            throw new ApiException(Errors.BadRequest(patchType == MediaTypes.JsonPatch ? "the JSON patch must be an array of operations" : "the patch must be a JSON object"));
        }

        return new ParsedPatch(patchType, node);
    }

    /// <summary>Applies a patch to a copy of the current object and returns the desired object.</summary>
    public JsonObject Apply(ResourceDefinition resource, JsonObject current, ParsedPatch patch, string subresource, WriteOptions options)
    {
        try
        {
            switch (patch.Type)
            {
                case MediaTypes.MergePatch:
                    return AsObject(JsonMergePatch.Apply(current, patch.Body.DeepClone()));
                case MediaTypes.JsonPatch:
                    return AsObject(JsonPatch.Apply(current, patch.Body.DeepClone().AsArray()));
                case MediaTypes.StrategicMergePatch:
                    return StrategicMergePatch.Apply(current, patch.Body.DeepClone().AsObject(), metas.For(resource));
                default:
                    return ServerSideApply(resource, current, patch, subresource, options);
            }
        }
        catch (PatchException ex)
        {
            throw new ApiException(new ApiStatus(ex.StatusCode, ex.Reason, ex.Message));
        }
    }

    /// <summary>Server-side apply of a patch to an object that does not exist yet.</summary>
    public JsonObject ApplyToNew(ResourceDefinition resource, string? ns, string name, ParsedPatch patch, WriteOptions options)
    {
        var applied = patch.Body.DeepClone().AsObject();
        var metadata = applied["metadata"] as JsonObject ?? [];
        applied["metadata"] = metadata;
        if (!string.IsNullOrEmpty((string?)metadata["name"]) && (string?)metadata["name"] != name)
        {
            throw new ApiException(Errors.BadRequest($"the name of the object ({(string?)metadata["name"]}) does not match the name on the URL ({name})"));
        }

        metadata["name"] = name;
        var result = FieldManager.Apply(null, applied, options.FieldManager!, options.Force, time.GetUtcNow(), metas.For(resource), Scope(resource, ""));
        return Checked(resource, name, result);
    }

    public JsonObject ApplyToScale(JsonObject scale, string patchType, byte[] body)
    {
        var node = RequestBody.DecodeNode(body, patchType, "error decoding patch") ?? throw new ApiException(Errors.BadRequest("the patch body is null"));
        try
        {
            return patchType switch
            {
                MediaTypes.JsonPatch => AsObject(JsonPatch.Apply(scale, node.AsArray())),
                _ => AsObject(JsonMergePatch.Apply(scale, node)),
            };
        }
        catch (PatchException ex)
        {
            throw new ApiException(new ApiStatus(ex.StatusCode, ex.Reason, ex.Message));
        }
    }

    private JsonObject ServerSideApply(ResourceDefinition resource, JsonObject current, ParsedPatch patch, string subresource, WriteOptions options)
    {
        var name = (string?)current["metadata"]?["name"] ?? "";
        var applied = patch.Body.DeepClone().AsObject();
        var result = FieldManager.Apply(current, applied, options.FieldManager!, options.Force, time.GetUtcNow(), metas.For(resource), Scope(resource, subresource));
        return Checked(resource, name, result);
    }

    /// <summary>
    /// What an apply through <paramref name="subresource"/> owns and may change, as upstream's reset fields: the main
    /// resource of a kind with a status subresource leaves <c>status</c> alone, <c>/status</c> changes nothing else and
    /// records <c>subresource: status</c> in its managed-fields entry.
    /// </summary>
    private static ManagedFieldsScope Scope(ResourceDefinition resource, string subresource) => subresource switch
    {
        "" => resource.HasStatus ? ManagedFieldsScope.MainResource : ManagedFieldsScope.MainResourceWithStatus,
        _ => ManagedFieldsScope.ForSubresource(subresource),
    };

    private static JsonObject Checked(ResourceDefinition resource, string name, ApplyResult result)
    {
        if (result.Succeeded)
        {
            return result.Object!;
        }

        var causes = result.Conflicts.Select(c => new StatusCause("FieldManagerConflict", c.Message, c.Field)).ToList();
        throw new ApiException(new ApiStatus(409, "Conflict", result.ConflictMessage ?? "Apply failed with conflicts")
        {
            DetailsName = name,
            DetailsGroup = resource.Group,
            DetailsKind = resource.Plural,
            Causes = causes,
        });
    }

    private static JsonObject AsObject(JsonNode? node) =>
        node as JsonObject ?? throw new ApiException(Errors.BadRequest("the patch produced a value that is not an object"));
}
