using Karmada.Client;

namespace Karmada.Controllers.Detector;

/// <summary>A served resource the detector watches for resource templates: its REST identity and its kind.</summary>
/// <param name="Resource">Group, version, plural and scope.</param>
/// <param name="Kind">The kind of its objects, from discovery.</param>
public sealed record TemplateResource(ResourceRef Resource, string Kind)
{
    /// <summary>The <c>apiVersion</c> of its objects.</summary>
    public string ApiVersion => Resource.ApiVersion;

    /// <inheritdoc />
    public override string ToString() => $"{ApiVersion}, Kind={Kind}";
}
