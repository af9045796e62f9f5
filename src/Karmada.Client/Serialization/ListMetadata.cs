namespace Karmada.Client.Serialization;

/// <summary>The <c>metadata</c> of a list response (<c>metav1.ListMeta</c>).</summary>
internal sealed class ListMetadata
{
    public string? ResourceVersion { get; set; }

    public string? Continue { get; set; }

    public long? RemainingItemCount { get; set; }
}
