namespace Karmada.Controllers.Binding;

/// <summary>The API server serves no resource for a binding's referenced apiVersion and kind.</summary>
public sealed class ResourceKindNotFoundException : Exception
{
    public ResourceKindNotFoundException()
    {
    }

    public ResourceKindNotFoundException(string message)
        : base(message)
    {
    }

    public ResourceKindNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
