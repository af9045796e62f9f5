namespace Karmada.Controllers.Execution;

/// <summary>A manifest's object exists in the member, Karmada does not manage it, and the conflict resolution is not <c>overwrite</c>.</summary>
public sealed class ManifestConflictException : Exception
{
    public ManifestConflictException()
    {
    }

    public ManifestConflictException(string message)
        : base(message)
    {
    }

    public ManifestConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
