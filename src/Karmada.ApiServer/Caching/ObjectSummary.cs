using System.Text.Json;

namespace Karmada.ApiServer.Caching;

/// <summary>
/// The metadata a cache needs to select objects without parsing them into a DOM: read with one forward pass of
/// <see cref="Utf8JsonReader"/> over the top-level <c>metadata</c> object.
/// </summary>
public sealed class ObjectSummary
{
    public string Name { get; private set; } = "";

    public string Namespace { get; private set; } = "";

    public string Uid { get; private set; } = "";

    public IReadOnlyDictionary<string, string>? Labels { get; private set; }

    public bool HasDeletionTimestamp { get; private set; }

    public bool HasFinalizers { get; private set; }

    public IReadOnlyList<string> Finalizers { get; private set; } = [];

    public IReadOnlyList<OwnerReference> OwnerReferences { get; private set; } = [];

    public static ObjectSummary Read(ReadOnlySpan<byte> json)
    {
        var summary = new ObjectSummary();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMetadata = reader.ValueTextEquals("metadata"u8);
            reader.Read();
            if (!isMetadata || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("name"u8))
                {
                    reader.Read();
                    summary.Name = reader.GetString() ?? "";
                }
                else if (reader.ValueTextEquals("namespace"u8))
                {
                    reader.Read();
                    summary.Namespace = reader.GetString() ?? "";
                }
                else if (reader.ValueTextEquals("uid"u8))
                {
                    reader.Read();
                    summary.Uid = reader.GetString() ?? "";
                }
                else if (reader.ValueTextEquals("deletionTimestamp"u8))
                {
                    reader.Read();
                    summary.HasDeletionTimestamp = reader.TokenType == JsonTokenType.String;
                }
                else if (reader.ValueTextEquals("finalizers"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        var finalizers = new List<string>();
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            if (reader.TokenType == JsonTokenType.String)
                            {
                                finalizers.Add(reader.GetString()!);
                            }
                            else
                            {
                                reader.Skip();
                            }
                        }

                        summary.Finalizers = finalizers;
                        summary.HasFinalizers = finalizers.Count > 0;
                    }
                }
                else if (reader.ValueTextEquals("labels"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            var key = reader.GetString()!;
                            reader.Read();
                            labels[key] = reader.TokenType == JsonTokenType.String ? reader.GetString()! : "";
                        }

                        summary.Labels = labels;
                    }
                }
                else if (reader.ValueTextEquals("ownerReferences"u8))
                {
                    reader.Read();
                    summary.OwnerReferences = ReadOwnerReferences(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            break;
        }

        return summary;
    }

    private static List<OwnerReference> ReadOwnerReferences(ref Utf8JsonReader reader)
    {
        var result = new List<OwnerReference>();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return result;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string apiVersion = "", kind = "", name = "", uid = "";
            bool controller = false, block = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.GetString();
                reader.Read();
                switch (property)
                {
                    case "apiVersion":
                        apiVersion = reader.GetString() ?? "";
                        break;
                    case "kind":
                        kind = reader.GetString() ?? "";
                        break;
                    case "name":
                        name = reader.GetString() ?? "";
                        break;
                    case "uid":
                        uid = reader.GetString() ?? "";
                        break;
                    case "controller":
                        controller = reader.TokenType == JsonTokenType.True;
                        break;
                    case "blockOwnerDeletion":
                        block = reader.TokenType == JsonTokenType.True;
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            result.Add(new OwnerReference(apiVersion, kind, name, uid, controller, block));
        }

        return result;
    }
}
