namespace Karmada.Host.Up;

/// <summary>A reason <c>karmada up</c> cannot start that the user can fix; printed as is, without a stack trace.</summary>
public sealed class UpException : Exception
{
    public UpException()
    {
    }

    public UpException(string message)
        : base(message)
    {
    }

    public UpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
