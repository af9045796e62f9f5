namespace Karmada.Controllers.Binding;

/// <summary>A Work cannot be rendered for a cluster, or some Works of a binding could not be written.</summary>
public sealed class WorkRenderException : Exception
{
    public WorkRenderException()
    {
    }

    public WorkRenderException(string message)
        : base(message)
    {
    }

    public WorkRenderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
