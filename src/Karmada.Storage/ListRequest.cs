namespace Karmada.Storage;

/// <summary>Paging for <see cref="IObjectStore.ListAsync"/>.</summary>
/// <param name="StartAfterKey">When set, only keys strictly greater than this one are returned (continue token).</param>
/// <param name="Limit">Maximum number of items; 0 means no limit.</param>
public readonly record struct ListRequest(string? StartAfterKey = null, int Limit = 0)
{
    public static ListRequest All => default;
}
