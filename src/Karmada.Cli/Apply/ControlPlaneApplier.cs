using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Controllers.Binding;

namespace Karmada.Cli.Apply;

/// <summary>
/// Applies objects to the control plane with server-side apply (field manager <c>karmadactl</c>, forced, like
/// <c>kubectl apply --server-side --force-conflicts</c>) and reports <c>kind.group/name created|configured</c>.
/// </summary>
public sealed class ControlPlaneApplier
{
    public const string FieldManager = "karmadactl";
    private readonly KubeApiClient _controlPlane;
    private readonly ResourceKindMapper _mapper;

    public ControlPlaneApplier(KubeApiClient controlPlane)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        _controlPlane = controlPlane;
        _mapper = new ResourceKindMapper(controlPlane);
    }

    /// <summary>The served resource of an object's apiVersion and kind.</summary>
    public async Task<ResourceRef> ResolveAsync(JsonObject obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var apiVersion = (string?)obj["apiVersion"];
        var kind = (string?)obj["kind"];
        var name = (string?)obj["metadata"]?["name"];
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(name))
        {
            throw new CliException("every object needs apiVersion, kind and metadata.name.");
        }

        try
        {
            return await _mapper.ResolveAsync(apiVersion, kind, cancellationToken);
        }
        catch (ResourceKindNotFoundException ex)
        {
            throw new CliException($"resource mapping not found for kind \"{kind}\" in version \"{apiVersion}\"; ensure CRDs are installed first.", ex);
        }
    }

    /// <summary>Applies <paramref name="obj"/> (its namespace already set for namespaced kinds); returns kubectl's line.</summary>
    public async Task<string> ApplyAsync(ResourceRef resource, JsonObject obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(obj);
        var name = (string)obj["metadata"]!["name"]!;
        var @namespace = resource.Namespaced ? (string?)obj["metadata"]!["namespace"] : null;
        bool existed;
        try
        {
            await _controlPlane.GetAsync(resource, @namespace, name, cancellationToken);
            existed = true;
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            existed = false;
        }

        await _controlPlane.PatchAsync(resource, @namespace, name, PatchType.Apply, obj, new PatchOptions { FieldManager = FieldManager, Force = true }, cancellationToken);
        return $"{Describe(resource, (string?)obj["kind"] ?? "")}/{name} {(existed ? "configured" : "created")}";
    }

    /// <summary>kubectl's <c>kind.group</c> spelling of a resource (<c>deployment.apps</c>, <c>configmap</c>).</summary>
    public static string Describe(ResourceRef resource, string kind)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Group.Length == 0 ? kind.ToLowerInvariant() : $"{kind.ToLowerInvariant()}.{resource.Group}";
    }
}
