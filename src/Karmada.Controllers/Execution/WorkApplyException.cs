namespace Karmada.Controllers.Execution;

/// <summary>Some manifests of a Work could not be applied; the Work's Applied condition says which and why.</summary>
public sealed class WorkApplyException : Exception
{
    public WorkApplyException()
    {
    }

    public WorkApplyException(string message)
        : base(message)
    {
    }

    public WorkApplyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
