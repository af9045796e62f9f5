namespace Karmada.Controllers.Execution;

/// <summary>The member serves no resource for a manifest's apiVersion and kind (apimachinery's "no matches for kind").</summary>
public sealed class ManifestResourceNotFoundException : Exception
{
    public ManifestResourceNotFoundException()
    {
    }

    public ManifestResourceNotFoundException(string message)
        : base(message)
    {
    }

    public ManifestResourceNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
