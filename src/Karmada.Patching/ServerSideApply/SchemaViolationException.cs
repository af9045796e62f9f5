namespace Karmada.Patching.ServerSideApply;

/// <summary>An applied configuration that does not fit the schema (duplicate list keys, missing key fields).</summary>
internal sealed class SchemaViolationException : Exception
{
    public SchemaViolationException()
    {
    }

    public SchemaViolationException(string message)
        : base(message)
    {
    }

    public SchemaViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
