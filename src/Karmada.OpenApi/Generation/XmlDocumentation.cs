using System.Reflection;
using System.Text;
using System.Xml.Linq;

namespace Karmada.OpenApi.Generation;

/// <summary>
/// The <c>&lt;summary&gt;</c> texts of a compiler-generated XML documentation file, normalised into the single-line
/// paragraphs that Kubernetes uses for OpenAPI descriptions (lines joined by spaces, paragraphs by a blank line).
/// </summary>
public sealed class XmlDocumentation
{
    private readonly Dictionary<string, string> _summaries;

    private XmlDocumentation(Dictionary<string, string> summaries) => _summaries = summaries;

    /// <summary>Reads a documentation file, e.g. the one that <c>GenerateDocumentationFile</c> writes next to an assembly.</summary>
    /// <param name="path">The path of the XML file.</param>
    /// <returns>The parsed documentation.</returns>
    public static XmlDocumentation Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Reads a documentation file from a stream.</summary>
    /// <param name="stream">The XML content.</param>
    /// <returns>The parsed documentation.</returns>
    public static XmlDocumentation Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var document = XDocument.Load(stream);
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in document.Descendants("member"))
        {
            var name = (string?)member.Attribute("name");
            var summary = member.Element("summary");
            if (name is null || summary is null)
            {
                continue;
            }

            var text = Normalize(summary);
            if (text.Length > 0)
            {
                summaries[name] = text;
            }
        }

        return new XmlDocumentation(summaries);
    }

    /// <summary>The summary of a member by its documentation id, e.g. <c>P:k8s.Models.V1DeploymentSpec.Replicas</c>.</summary>
    /// <param name="memberId">The documentation id.</param>
    /// <returns>The summary, or null when the member is undocumented.</returns>
    public string? GetSummary(string memberId) => _summaries.GetValueOrDefault(memberId);

    /// <summary>The summary of a type.</summary>
    /// <param name="type">The documented type.</param>
    /// <returns>The summary, or null when the type is undocumented.</returns>
    public string? GetSummary(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.FullName is { } name ? GetSummary("T:" + name.Replace('+', '.')) : null;
    }

    /// <summary>The summary of a property or field.</summary>
    /// <param name="member">The documented member.</param>
    /// <returns>The summary, or null when the member is undocumented.</returns>
    public string? GetSummary(MemberInfo member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.DeclaringType?.FullName is not { } declaring)
        {
            return null;
        }

        var prefix = member switch
        {
            PropertyInfo => "P:",
            FieldInfo => "F:",
            Type => "T:",
            _ => "M:",
        };
        return GetSummary(prefix + declaring.Replace('+', '.') + "." + member.Name);
    }

    private static string Normalize(XElement summary)
    {
        var raw = new StringBuilder();
        AppendText(summary, raw);

        // Source comments are wrapped at a fixed width; Kubernetes descriptions are one line per paragraph.
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var line in raw.ToString().Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                if (current.Count > 0)
                {
                    paragraphs.Add(string.Join(' ', current));
                    current.Clear();
                }

                continue;
            }

            current.Add(trimmed);
        }

        if (current.Count > 0)
        {
            paragraphs.Add(string.Join(' ', current));
        }

        return string.Join("\n\n", paragraphs);
    }

    private static string SeeText(XElement see)
    {
        if (see.Value.Length > 0)
        {
            return see.Value;
        }

        if ((string?)see.Attribute("cref") is { } cref)
        {
            // "T:k8s.Models.V1PodSpec" reads as "V1PodSpec".
            return cref[(cref.LastIndexOf('.') + 1)..];
        }

        return (string?)see.Attribute("langword") ?? (string?)see.Attribute("href") ?? string.Empty;
    }

    private static void AppendText(XElement element, StringBuilder builder)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text:
                    builder.Append(text.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see:
                    builder.Append(SeeText(see));
                    break;
                case XElement { Name.LocalName: "para" } para:
                    builder.Append("\n\n");
                    AppendText(para, builder);
                    builder.Append("\n\n");
                    break;
                case XElement other:
                    AppendText(other, builder);
                    break;
            }
        }
    }
}
