using System.Text.Json.Nodes;

namespace Karmada.ApiServer.Resources;

/// <summary>
/// Everything the API server knows about one served resource (one group/version/plural): how it is addressed,
/// what discovery says about it, how it is printed, validated and stored. Built-in kinds come from
/// <c>BuiltInResources</c>; custom resources from their CustomResourceDefinition.
/// </summary>
public sealed class ResourceDefinition
{
    /// <summary>API group; empty for the core group.</summary>
    public required string Group { get; init; }

    public required string Version { get; init; }

    public required string Kind { get; init; }

    /// <summary>URL plural, e.g. <c>deployments</c>.</summary>
    public required string Plural { get; init; }

    public string Singular { get; init; } = "";

    // Derived names are read on every request; they are computed once (the properties they derive from are init-only).
    private string? _listKind;
    private string? _groupVersion;
    private string? _decodeDescription;

    public string ListKind => _listKind ??= Kind + "List";

    public required bool Namespaced { get; init; }

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Whether a <c>/status</c> subresource exists; then writes to the main resource ignore <c>.status</c>.</summary>
    public bool HasStatus { get; init; }

    /// <summary>The <c>/scale</c> subresource, when served.</summary>
    public ScaleSubresource? Scale { get; init; }

    /// <summary>
    /// True for kinds that kubectl does not compile in (CRDs and Karmada's own kinds): strategic merge patch is
    /// refused with 415, as upstream does for custom resources.
    /// </summary>
    public bool IsCustom { get; init; }

    /// <summary>The structural OpenAPI v3 schema of the object, when known (CRD <c>openAPIV3Schema</c> form).</summary>
    public JsonObject? Schema { get; init; }

    /// <summary>Extra printer columns after NAME (AGE is appended by the printer when not listed).</summary>
    public IReadOnlyList<PrinterColumn> PrinterColumns { get; init; } = [];

    /// <summary>Whether <c>spec</c> exists: generation is bumped on spec changes, or on any change when false.</summary>
    public bool HasSpec { get; init; } = true;

    /// <summary>The typed model of the kind when it has one (Karmada's kinds); schemas are generated from it.</summary>
    public Type? ModelType { get; init; }

    public string GroupVersion => _groupVersion ??= Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>What a body that fails to decode was expected to be, as kube-apiserver words it.</summary>
    public string DecodeDescription => _decodeDescription ??= $"{Kind} in version \"{Version}\" cannot be handled as a {Kind}";

    /// <summary><c>deployments.apps</c>, or <c>configmaps</c> for the core group (used in error messages).</summary>
    public string QualifiedResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public IReadOnlyList<string> Verbs { get; init; } = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public override string ToString() => $"{GroupVersion}/{Plural}";
}
