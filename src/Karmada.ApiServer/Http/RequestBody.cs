using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Karmada.ApiServer.Http;

/// <summary>Reads and decodes request bodies: size limit, JSON, YAML and (via a decoder) protobuf.</summary>
public static class RequestBody
{
    /// <summary>kube-apiserver's <c>MaxRequestBodyBytes</c>.</summary>
    public const int MaxBytes = 3 * 1024 * 1024;

    /// <summary>Decodes protobuf bodies of built-in kinds (kubectl 1.32+ imperative creates).</summary>
    public static Func<ReadOnlyMemory<byte>, JsonObject>? ProtobufDecoder { get; set; } = body => Karmada.Protobuf.KubernetesProtobuf.Decode(body.Span);

    public static async Task<byte[]> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw new ApiException(Errors.TooLarge("the server has received too large of a request body"));
        }

        if (request.ContentLength is { } declared)
        {
            // The common case: read straight into an array of the declared size, with no intermediate copies.
            var exact = new byte[declared];
            var filled = 0;
            int n;
            while (filled < exact.Length && (n = await request.Body.ReadAsync(exact.AsMemory(filled), cancellationToken)) > 0)
            {
                filled += n;
            }

            return filled == exact.Length ? exact : exact[..filled];
        }

        return await ReadUnsizedAsync(request.Body, cancellationToken);
    }

    private static async Task<byte[]> ReadUnsizedAsync(Stream body, CancellationToken cancellationToken)
    {
        var (buffer, length) = await ReadIntoPooledAsync(body, ArrayPool<byte>.Shared.Rent(16 * 1024), cancellationToken);
        try
        {
            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reads and decodes an object body (create, update). The body is read into a pooled buffer: decoding copies
    /// what it keeps, so the request needs no array of its own.
    /// </summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, string expectedDescription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            throw new ApiException(Errors.TooLarge("the server has received too large of a request body"));
        }

        if (request.ContentLength == 0)
        {
            return DecodeObject(ReadOnlyMemory<byte>.Empty, request.ContentType, expectedDescription);
        }

        var initial = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } declared ? (int)declared : 16 * 1024);
        var (buffer, length) = await ReadIntoPooledAsync(request.Body, initial, cancellationToken);
        try
        {
            return DecodeObject(buffer.AsMemory(0, length), request.ContentType, expectedDescription);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads the whole body into <paramref name="buffer"/> (a pooled array, replaced by a larger one as needed).</summary>
    private static async Task<(byte[] Buffer, int Length)> ReadIntoPooledAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
                if (length > MaxBytes)
                {
                    throw new ApiException(Errors.TooLarge("the server has received too large of a request body"));
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Decodes an object body by content type; malformed input is a 400 with the parser's message.</summary>
    public static JsonObject DecodeObject(byte[] body, string? contentType, string expectedDescription) =>
        DecodeObject(body.AsMemory(), contentType, expectedDescription);

    /// <inheritdoc cref="DecodeObject(byte[], string?, string)"/>
    public static JsonObject DecodeObject(ReadOnlyMemory<byte> body, string? contentType, string expectedDescription)
    {
        var essence = MediaTypes.Essence(contentType);
        if (essence == MediaTypes.Protobuf)
        {
            if (ProtobufDecoder is null)
            {
                throw new ApiException(Errors.UnsupportedMediaType($"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml"));
            }

            try
            {
                return ProtobufDecoder(body);
            }
            catch (Karmada.Protobuf.ProtobufDecodeException ex) when (ex.Error is Karmada.Protobuf.ProtobufDecodeError.UnknownKind or Karmada.Protobuf.ProtobufDecodeError.UnsupportedEncoding)
            {
                throw new ApiException(Errors.UnsupportedMediaType($"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf: {ex.Message}"));
            }
            catch (Exception ex) when (ex is not ApiException)
            {
                throw new ApiException(Errors.BadRequest($"unable to decode protobuf body: {ex.Message}"));
            }
        }

        var node = DecodeNode(body.Span, essence, expectedDescription);
        return node as JsonObject ?? throw new ApiException(Errors.BadRequest($"{expectedDescription}: the body must be a JSON object"));
    }

    public static JsonNode? DecodeNode(byte[] body, string essence, string expectedDescription) =>
        DecodeNode(body.AsSpan(), essence, expectedDescription);

    /// <inheritdoc cref="DecodeNode(byte[], string, string)"/>
    public static JsonNode? DecodeNode(ReadOnlySpan<byte> body, string essence, string expectedDescription)
    {
        if (body.Length == 0)
        {
            throw new ApiException(Errors.BadRequest("the body of the request is empty"));
        }

        try
        {
            // JSON is YAML: parse JSON-looking bodies as JSON whatever the media type says (kubectl sends JSON as apply-patch+yaml).
            if (!LooksLikeJson(body))
            {
                return Karmada.Policy.Json.YamlJson.ToJson(Encoding.UTF8.GetString(body));
            }

            return JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            throw new ApiException(Errors.BadRequest($"{expectedDescription}: {ex.Message}"));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new ApiException(Errors.BadRequest($"{expectedDescription}: error converting YAML to JSON: {ex.Message}"));
        }
    }

    private static bool LooksLikeJson(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b is (byte)'{' or (byte)'[';
        }

        return false;
    }
}
