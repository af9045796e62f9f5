namespace Karmada.Api;

/// <summary>Everything discovery, routing, printing and clients need to know about one Karmada resource.</summary>
public sealed class KarmadaResourceDescriptor
{
    /// <summary>API group, e.g. <c>work.karmada.io</c>.</summary>
    public required string Group { get; init; }

    /// <summary>API version, e.g. <c>v1alpha2</c>.</summary>
    public required string Version { get; init; }

    /// <summary>Kind, e.g. <c>ResourceBinding</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>URL plural, e.g. <c>resourcebindings</c>.</summary>
    public required string Plural { get; init; }

    /// <summary>Singular name, e.g. <c>resourcebinding</c>.</summary>
    public required string Singular { get; init; }

    /// <summary>Whether objects live in namespaces.</summary>
    public required bool Namespaced { get; init; }

    /// <summary>Short names usable with kubectl.</summary>
    public required IReadOnlyList<string> ShortNames { get; init; }

    /// <summary>Categories, e.g. <c>karmada-io</c> (<c>kubectl get karmada-io</c>).</summary>
    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>Whether a <c>/status</c> subresource is served.</summary>
    public required bool HasStatus { get; init; }

    /// <summary>Additional printer columns after NAME, in order.</summary>
    public required IReadOnlyList<PrinterColumn> PrinterColumns { get; init; }

    /// <summary>The CLR type of the kind.</summary>
    public required Type Type { get; init; }

    /// <summary>The CLR type of the list kind.</summary>
    public required Type ListType { get; init; }

    /// <summary>The list kind, <c>&lt;Kind&gt;List</c>.</summary>
    public string ListKind => Kind + "List";

    /// <summary><c>group/version</c>, the <c>apiVersion</c> of objects.</summary>
    public string ApiVersion => $"{Group}/{Version}";

    /// <summary><c>plural.group</c>, as in error messages and CRD names.</summary>
    public string QualifiedResource => $"{Plural}.{Group}";

    /// <inheritdoc />
    public override string ToString() => $"{ApiVersion}/{Plural}";
}
