namespace Karmada.Protobuf;

/// <summary>Thrown when a Kubernetes protobuf body cannot be turned into its JSON object.</summary>
public sealed class ProtobufDecodeException : Exception
{
    public ProtobufDecodeException()
        : this(ProtobufDecodeError.Malformed, "The Kubernetes protobuf body could not be decoded.")
    {
    }

    public ProtobufDecodeException(string message)
        : this(ProtobufDecodeError.Malformed, message)
    {
    }

    public ProtobufDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = ProtobufDecodeError.Malformed;
    }

    public ProtobufDecodeException(ProtobufDecodeError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>The category of the failure; <see cref="ProtobufDecodeError.UnknownKind"/> and
    /// <see cref="ProtobufDecodeError.UnsupportedEncoding"/> map to 415, the rest to 400.</summary>
    public ProtobufDecodeError Error { get; }
}
