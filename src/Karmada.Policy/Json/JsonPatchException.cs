namespace Karmada.Policy.Json;

/// <summary>A JSON patch or pointer could not be applied to a document.</summary>
public sealed class JsonPatchException : Exception
{
    public JsonPatchException()
    {
    }

    public JsonPatchException(string message)
        : base(message)
    {
    }

    public JsonPatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
