namespace Karmada.Cli.Members;

/// <summary>A Table request the server refused (its HTTP status and Status message).</summary>
public sealed class TableRequestException : Exception
{
    public TableRequestException()
    {
    }

    public TableRequestException(string message)
        : base(message)
    {
    }

    public TableRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TableRequestException(int statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public int StatusCode { get; }
}
