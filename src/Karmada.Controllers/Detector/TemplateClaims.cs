using System.Text.Json.Nodes;
using Karmada.Client;

namespace Karmada.Controllers.Detector;

/// <summary>Puts a policy's claim on a resource template and takes it off again, by merge patches with a resourceVersion precondition.</summary>
public sealed class TemplateClaims
{
    private const int MaxAttempts = 5;
    private readonly KubeApiClient _client;

    public TemplateClaims(KubeApiClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>Claims <paramref name="template"/> for <paramref name="policy"/> unless it is already; returns the stored template.</summary>
    /// <exception cref="ApiException">409 when the template changed since it was read: the caller retries with the new version.</exception>
    public async Task<JsonObject> ClaimAsync(TemplateResource resource, JsonObject template, PolicyReference policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(policy);
        if (ClaimMetadata.IsClaimedBy(template, policy))
        {
            return template;
        }

        var patched = await _client.PatchAsync(
            resource.Resource,
            JsonObjectMeta.GetNamespace(template),
            JsonObjectMeta.GetName(template)!,
            PatchType.Merge,
            ClaimMetadata.ClaimPatch(policy, JsonObjectMeta.GetResourceVersion(template)),
            cancellationToken: cancellationToken);
        return TemplateInformers.WithTypeMeta(patched, resource);
    }

    /// <summary>
    /// Removes <paramref name="claim"/>'s kind of claim from a template while its claim label still carries the
    /// claim's permanent id (another policy may have claimed it meanwhile); a missing template is fine.
    /// </summary>
    public async Task ReleaseAsync(TemplateResource resource, string? @namespace, string name, PolicyReference claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(claim);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var current = await _client.GetAsync(resource.Resource, @namespace, name, cancellationToken);
                if (!ClaimMetadata.CarriesId(ClaimMetadata.StringMap(current, "labels"), claim))
                {
                    return;
                }

                await _client.PatchAsync(
                    resource.Resource,
                    @namespace,
                    name,
                    PatchType.Merge,
                    ClaimMetadata.ReleasePatch(claim, JsonObjectMeta.GetResourceVersion(current)),
                    cancellationToken: cancellationToken);
                return;
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
                return;
            }
            catch (ApiException ex) when (ex.IsConflict() && attempt < MaxAttempts)
            {
            }
        }
    }
}
