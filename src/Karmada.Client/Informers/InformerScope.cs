namespace Karmada.Client.Informers;

/// <summary>The slice of a resource an informer caches: a namespace and selectors (all null: everything).</summary>
public sealed record InformerScope(string? Namespace = null, string? LabelSelector = null, string? FieldSelector = null)
{
    public static InformerScope All { get; } = new();
}
