using Karmada.Client.Controllers;

namespace Karmada.Client.Tests.Fakes;

public sealed class DelegateReconciler<TKey>(Func<TKey, CancellationToken, Task<ReconcileResult>> reconcile) : IReconciler<TKey>
    where TKey : notnull
{
    public Task<ReconcileResult> ReconcileAsync(TKey key, CancellationToken cancellationToken) => reconcile(key, cancellationToken);
}
