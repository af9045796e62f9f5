using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Karmada.Policy.Json;

namespace Karmada.Cli.Output;

/// <summary>Prints objects as kubectl's <c>-o yaml</c> (sigs.k8s.io/yaml) and <c>-o json</c> (four-space indent) do.</summary>
public static class ObjectPrinter
{
    public static string ToYaml(JsonNode? node) => YamlJson.ToYaml(node);

    public static string ToJson(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, IndentSize = 4, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer);
            }
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The text of <paramref name="node"/> in <paramref name="format"/> (YAML or JSON).</summary>
    public static string Print(JsonNode? node, OutputFormat format) => format == OutputFormat.Json ? ToJson(node) : ToYaml(node);

    /// <summary>A <c>v1 List</c> of <paramref name="items"/>, as kubectl prints several objects.</summary>
    public static JsonObject List(IEnumerable<JsonNode?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "List",
            ["items"] = new JsonArray(items.Select(i => i?.DeepClone()).ToArray()),
            ["metadata"] = new JsonObject { ["resourceVersion"] = "" },
        };
    }
}
