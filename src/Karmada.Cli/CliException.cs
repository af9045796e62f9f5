namespace Karmada.Cli;

/// <summary>A failure the user can fix; its message says what to do and is printed without a stack trace.</summary>
public sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
