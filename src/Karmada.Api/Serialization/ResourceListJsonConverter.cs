using System.Text.Json;
using System.Text.Json.Serialization;
using Karmada.Api.Core;

namespace Karmada.Api.Serialization;

/// <summary>JSON form of <see cref="ResourceList"/>: an object of quantities, canonicalised on read.</summary>
public sealed class ResourceListJsonConverter : JsonConverter<ResourceList>
{
    /// <inheritdoc />
    public override ResourceList? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a resource list object, got {reader.TokenType}");
        }

        var list = new ResourceList();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return list;
            }

            var name = reader.GetString()!;
            reader.Read();
            list[name] = QuantityJsonConverter.ReadCanonical(ref reader);
        }

        throw new JsonException("Unterminated resource list");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ResourceList value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var (name, quantity) in value.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.WriteString(name, quantity);
        }

        writer.WriteEndObject();
    }
}
