namespace Karmada.Client.Controllers;

/// <summary>
/// A failure that retrying cannot fix (invalid spec, unsupported configuration): the controller logs it and drops the
/// key instead of retrying with backoff. The key is reconciled again when it next changes.
/// </summary>
public sealed class TerminalReconcileException : Exception
{
    public TerminalReconcileException()
        : this("The reconcile failed permanently.")
    {
    }

    public TerminalReconcileException(string message)
        : base(message)
    {
    }

    public TerminalReconcileException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
