namespace Karmada.OpenApi.Documents;

/// <summary>
/// <c>/openapi/v2</c>. kubectl 1.27/1.28 insist on it before apply and proto-decode whatever comes back, so the
/// server answers 200 with an empty body in the protobuf media type: an empty protobuf message is an empty
/// document, and kubectl then skips client-side schema validation and relies on server-side field validation.
/// </summary>
public static class OpenApiV2
{
    /// <summary>
    /// The response Content-Type. It is the dotted form; the <c>@</c> form kubectl puts in Accept is not a valid MIME
    /// type and Go rejects it.
    /// </summary>
    public const string ProtobufContentType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

    /// <summary>The body: an empty protobuf <c>openapi_v2.Document</c>.</summary>
    public static ReadOnlyMemory<byte> EmptyDocument => ReadOnlyMemory<byte>.Empty;
}
