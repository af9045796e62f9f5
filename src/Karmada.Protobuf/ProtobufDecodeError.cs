namespace Karmada.Protobuf;

/// <summary>Why a Kubernetes protobuf body could not be decoded; lets the API server pick the HTTP status.</summary>
public enum ProtobufDecodeError
{
    /// <summary>The body does not start with the <c>k8s\0</c> magic prefix.</summary>
    BadMagic,

    /// <summary>The envelope names an apiVersion/kind that has no protobuf schema (answer 415).</summary>
    UnknownKind,

    /// <summary>The envelope uses a content encoding or content type other than plain protobuf (answer 415).</summary>
    UnsupportedEncoding,

    /// <summary>The wire data is truncated or does not match the schema (answer 400).</summary>
    Malformed,

    /// <summary>A field holds a value its Go type rejects, such as an invalid quantity (answer 400).</summary>
    InvalidValue,
}
