using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Karmada.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Karmada.Policy.Json;

/// <summary>
/// YAML ↔ JSON as <c>sigs.k8s.io/yaml</c> (<c>YAMLToJSON</c>, <c>JSONToYAML</c>) does it: the first document is read
/// with go-yaml v2's implicit typing and keys become strings; output is block style with sorted keys, plain scalars
/// where they read back as strings, double quotes otherwise and literal blocks for multi-line text.
/// </summary>
public static class YamlJson
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>Converts YAML text to a JSON node; empty input is JSON null.</summary>
    /// <exception cref="YamlException">The text is not valid YAML.</exception>
    public static JsonNode? ToJson(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    /// <summary>Converts a JSON node to YAML text (ending with a newline).</summary>
    public static string ToYaml(JsonNode? node)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        Emit(emitter, node);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => null,
    };

    private static JsonObject ConvertMapping(YamlMappingNode mapping)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            obj[KeyString(key)] = Convert(value);
        }

        return obj;
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        var explicitString = !scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == StringTag;
        return (scalar.Style is ScalarStyle.Plain or ScalarStyle.Any) && !explicitString
            ? YamlScalarResolver.Resolve(text, out _)
            : JsonValue.Create(text);
    }

    // YAMLToJSON turns non-string keys into strings the way go-yaml would print them.
    private static string KeyString(YamlNode key)
    {
        if (key is not YamlScalarNode scalar)
        {
            throw new YamlException("only scalar mapping keys can be converted to JSON");
        }

        var value = ConvertScalar(scalar);
        return value switch
        {
            null => "null",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
            JsonValue v when v.TryGetValue<double>(out var d) => GoFloat.FormatG(d) switch
            {
                "+Inf" => ".inf",
                "-Inf" => "-.inf",
                "NaN" => ".nan",
                var s => s,
            },
            _ => value.ToJsonString(),
        };
    }

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case null:
                EmitScalar(emitter, "null", ScalarStyle.Plain);
                break;
            case JsonObject obj:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
                foreach (var key in obj.Select(p => p.Key).Order(YamlKeyComparer.Instance))
                {
                    EmitString(emitter, key);
                    Emit(emitter, obj[key]);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
                foreach (var item in array)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value:
                EmitValue(emitter, value);
                break;
        }
    }

    private static void EmitValue(IEmitter emitter, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                EmitString(emitter, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                EmitScalar(emitter, "true", ScalarStyle.Plain);
                break;
            case JsonValueKind.False:
                EmitScalar(emitter, "false", ScalarStyle.Plain);
                break;
            case JsonValueKind.Number:
                EmitScalar(emitter, FormatNumber(value), ScalarStyle.Plain);
                break;
            default:
                EmitScalar(emitter, "null", ScalarStyle.Plain);
                break;
        }
    }

    // JSONToYAML re-reads the JSON as YAML: integers stay as written, other numbers become float64 printed with 'g'.
    private static string FormatNumber(JsonValue value)
    {
        var text = value.TryGetValue<JsonElement>(out var element) ? element.GetRawText() : value.ToJsonString();
        YamlScalarResolver.Resolve(text, out var kind);
        if (kind == YamlScalarResolver.Kind.Int)
        {
            return text;
        }

        var number = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return GoFloat.FormatG(number) switch
        {
            "+Inf" => ".inf",
            "-Inf" => "-.inf",
            "NaN" => ".nan",
            var s => s,
        };
    }

    private static void EmitString(IEmitter emitter, string text)
    {
        var style = text.Contains('\n', StringComparison.Ordinal)
            ? ScalarStyle.Literal
            : YamlScalarResolver.ResolvesToString(text) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
        EmitScalar(emitter, text, style);
    }

    private static void EmitScalar(IEmitter emitter, string text, ScalarStyle style) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, style, true, true));
}
