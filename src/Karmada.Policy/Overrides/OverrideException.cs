namespace Karmada.Policy.Overrides;

/// <summary>An overrider could not be applied to a resource (upstream returns the error and the Work is not updated).</summary>
public sealed class OverrideException : Exception
{
    public OverrideException()
    {
    }

    public OverrideException(string message)
        : base(message)
    {
    }

    public OverrideException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
