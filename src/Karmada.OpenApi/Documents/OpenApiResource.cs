using System.Text.Json.Nodes;

namespace Karmada.OpenApi.Documents;

/// <summary>One resource served in a group/version, as the OpenAPI v3 document describes it.</summary>
/// <param name="Group">The API group, empty for the core group.</param>
/// <param name="Version">The API version.</param>
/// <param name="Kind">The kind, e.g. <c>Widget</c>.</param>
/// <param name="Plural">The resource name in URLs, e.g. <c>widgets</c>.</param>
/// <param name="Namespaced">Whether objects live in namespaces.</param>
/// <param name="IsCustom">
/// True for kinds kubectl does not compile in (CRDs, Karmada kinds): their PATCH never offers strategic merge patch
/// and their schema gets apiVersion, kind and metadata as for a CRD.
/// </param>
/// <param name="HasStatus">Whether the <c>/status</c> subresource is served.</param>
/// <param name="HasScale">Whether the <c>/scale</c> subresource (autoscaling/v1 Scale) is served.</param>
/// <param name="Schema">
/// The component schema of the kind; it may hold <c>$ref</c>s into the components passed to the document builder
/// or into <see cref="Generation.BuiltInSchemas.Components"/>. It is not modified.
/// </param>
public sealed record OpenApiResource(
    string Group,
    string Version,
    string Kind,
    string Plural,
    bool Namespaced,
    bool IsCustom,
    bool HasStatus,
    bool HasScale,
    JsonObject Schema)
{
    /// <summary>
    /// The component name of the kind. When null, built-in kinds use their upstream name and custom kinds the CRD
    /// convention of the reversed group, e.g. <c>com.example.v1.Widget</c>.
    /// </summary>
    public string? SchemaName { get; init; }
}
