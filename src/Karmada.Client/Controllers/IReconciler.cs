namespace Karmada.Client.Controllers;

/// <summary>
/// Drives the world toward the desired state of one key. Level-based: it gets only the key and must read the current
/// state itself (from informer caches), so any number of coalesced changes need just one run.
/// </summary>
public interface IReconciler<TKey> where TKey : notnull
{
    /// <summary>
    /// Reconciles one key. Throwing requeues the key with backoff; throwing <see cref="TerminalReconcileException"/>
    /// gives up on it until it changes again; returning <see cref="ReconcileResult.RequeueAfter"/> runs it again later.
    /// </summary>
    Task<ReconcileResult> ReconcileAsync(TKey key, CancellationToken cancellationToken);
}
