namespace Karmada.Client.Controllers;

/// <summary>The outcome of a successful reconcile.</summary>
/// <param name="RequeueAfter">When set, reconcile the key again after this delay (polling external state, TTLs).</param>
public readonly record struct ReconcileResult(TimeSpan? RequeueAfter = null)
{
    /// <summary>Nothing more to do until the key changes.</summary>
    public static ReconcileResult Done => default;

    /// <summary>Reconcile again after <paramref name="delay"/>.</summary>
    public static ReconcileResult After(TimeSpan delay) => new(delay);
}
