using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Karmada.Api.WellKnown;

namespace Karmada.Cli.Get;

/// <summary>
/// Merges the clusters' Tables into the one <c>karmadactl get</c> prints (upstream <c>reconstructionRow</c>): the
/// server's columns with CLUSTER after NAME and ADOPTION last (Y when the member object carries
/// <c>karmada.io/managed=true</c>, <c>-</c> for the control plane's objects), NAMESPACE first with <c>-A</c>;
/// priority-0 columns unless wide.
/// </summary>
public static class MultiClusterTable
{
    public const string ClusterColumn = "CLUSTER";
    public const string AdoptionColumn = "ADOPTION";

    public static (List<string> Headers, List<List<string>> Rows) Build(IReadOnlyList<ClusterTable> tables, bool wide, bool withNamespace)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var definitions = tables.Select(t => t.Table["columnDefinitions"] as JsonArray).FirstOrDefault(d => d is { Count: > 0 }) ?? [];
        var shown = new List<int>();
        for (var i = 0; i < definitions.Count; i++)
        {
            if (wide || ((int?)definitions[i]?["priority"] ?? 0) == 0)
            {
                shown.Add(i);
            }
        }

        var headers = new List<string>();
        if (withNamespace)
        {
            headers.Add("NAMESPACE");
        }

        for (var j = 0; j < shown.Count; j++)
        {
            headers.Add(((string?)definitions[shown[j]]?["name"] ?? "").ToUpperInvariant());
            if (j == 0)
            {
                headers.Add(ClusterColumn);
            }
        }

        headers.Add(AdoptionColumn);

        var rows = new List<List<string>>();
        foreach (var table in tables)
        {
            foreach (var row in (table.Table["rows"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var cells = row["cells"] as JsonArray ?? [];
                var metadata = row["object"]?["metadata"] as JsonObject;
                var line = new List<string>();
                if (withNamespace)
                {
                    line.Add((string?)metadata?["namespace"] ?? "");
                }

                for (var j = 0; j < shown.Count; j++)
                {
                    line.Add(FormatCell(shown[j] < cells.Count ? cells[shown[j]] : null));
                    if (j == 0)
                    {
                        line.Add(table.Cluster);
                    }
                }

                line.Add(table.IsControlPlane ? "-" : IsManaged(metadata) ? "Y" : "N");
                rows.Add(line);
            }
        }

        return (headers, rows);
    }

    /// <summary>Whether a member object's metadata says Karmada manages it.</summary>
    public static bool IsManaged(JsonObject? metadata) =>
        metadata?["labels"]?[WellKnownLabels.Managed] is JsonValue value
        && value.GetValueKind() == JsonValueKind.String
        && value.GetValue<string>() == WellKnownLabelValues.True;

    /// <summary>A cell as kubectl prints it: text as is, numbers and booleans as JSON, nothing as <c>&lt;none&gt;</c>.</summary>
    public static string FormatCell(JsonNode? cell) => cell switch
    {
        null => "<none>",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
        JsonArray a => "[" + string.Join(" ", a.Select(FormatCell)) + "]",
        _ => cell.ToJsonString(),
    };

    /// <summary>kubectl's message when nothing matched.</summary>
    public static string NoResourcesMessage(string? @namespace) =>
        @namespace is null ? "No resources found" : string.Format(CultureInfo.InvariantCulture, "No resources found in {0} namespace.", @namespace);
}
