using System.Text.Json;
using System.Text.Json.Nodes;
using Karmada.Policy.Json;
using YamlDotNet.Core;

namespace Karmada.Cli.Manifests;

/// <summary>
/// Reads objects from manifest files as <c>kubectl -f</c> does: YAML (several documents separated by <c>---</c>) or
/// JSON, <c>-</c> for standard input, and the items of a <c>List</c> flattened.
/// </summary>
public static class ManifestReader
{
    public static async Task<List<JsonObject>> ReadFilesAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var result = new List<JsonObject>();
        foreach (var path in paths)
        {
            string text;
            if (path == "-")
            {
                text = await Console.In.ReadToEndAsync(cancellationToken);
            }
            else if (File.Exists(path))
            {
                text = await File.ReadAllTextAsync(path, cancellationToken);
            }
            else
            {
                throw new CliException($"The file '{path}' does not exist; check the path given with -f.");
            }

            result.AddRange(Parse(text, path));
        }

        return result;
    }

    /// <summary>The objects in <paramref name="text"/>; <paramref name="source"/> names it in errors.</summary>
    public static List<JsonObject> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<JsonObject>();
        foreach (var document in SplitDocuments(text))
        {
            JsonNode? node;
            try
            {
                node = document.TrimStart().StartsWith('{') ? JsonNode.Parse(document) : YamlJson.ToJson(document);
            }
            catch (Exception ex) when (ex is JsonException or YamlException)
            {
                throw new CliException($"{source} is not valid YAML or JSON: {ex.Message}", ex);
            }

            switch (node)
            {
                case null:
                    continue;
                case JsonObject list when list["kind"]?.GetValueKind() == JsonValueKind.String && ((string?)list["kind"])!.EndsWith("List", StringComparison.Ordinal) && list["items"] is JsonArray items:
                    result.AddRange(items.OfType<JsonObject>().Select(i => (JsonObject)i.DeepClone()));
                    break;
                case JsonObject obj:
                    result.Add(obj);
                    break;
                default:
                    throw new CliException($"{source} holds a document that is not an object.");
            }
        }

        return result;
    }

    /// <summary>Splits YAML text at document separators (<c>---</c> lines); JSON text is one document.</summary>
    public static IEnumerable<string> SplitDocuments(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.TrimStart().StartsWith('{'))
        {
            yield return text;
            yield break;
        }

        var current = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (line.TrimEnd('\r') == "---" || line.StartsWith("--- ", StringComparison.Ordinal))
            {
                if (current.ToString().Trim().Length > 0)
                {
                    yield return current.ToString();
                }

                current.Clear();
                continue;
            }

            current.Append(line).Append('\n');
        }

        if (current.ToString().Trim().Length > 0)
        {
            yield return current.ToString();
        }
    }
}
