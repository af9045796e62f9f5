namespace Karmada.Interpreter;

/// <summary>An interpreter operation failed: no source implements it for the kind, or the object is malformed.</summary>
public sealed class InterpreterException : Exception
{
    public InterpreterException()
    {
    }

    public InterpreterException(string message)
        : base(message)
    {
    }

    public InterpreterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
