namespace Karmada.Client;

/// <summary>One page of a LIST response: the items and the list metadata.</summary>
/// <param name="Items">The objects of this page, in server order.</param>
/// <param name="ResourceVersion">The list's resourceVersion: watch from here to see every later change.</param>
/// <param name="Continue">Token of the next page, or null when this was the last.</param>
/// <param name="RemainingItemCount">The server's estimate of items after this page, when it gives one.</param>
public sealed record ListResult<T>(IReadOnlyList<T> Items, string? ResourceVersion, string? Continue, long? RemainingItemCount);
