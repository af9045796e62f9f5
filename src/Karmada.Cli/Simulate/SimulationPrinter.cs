using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Karmada.Cli.Output;

namespace Karmada.Cli.Simulate;

/// <summary>Prints simulations as a table per binding with a result line, or as one YAML/JSON document.</summary>
public static class SimulationPrinter
{
    public static string Table(IReadOnlyList<SimulationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        foreach (var result in results)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            var binding = result.Namespace is null ? result.BindingName : $"{result.Namespace}/{result.BindingName}";
            text.Append(CultureInfo.InvariantCulture, $"Binding: {binding} (replicas {result.Replicas})\n");
            var rows = result.Clusters.Select(c => (IReadOnlyList<string>)
            [
                c.Cluster,
                c.Verdict,
                c.Score?.ToString(CultureInfo.InvariantCulture) ?? "<none>",
                c.Replicas?.ToString(CultureInfo.InvariantCulture) ?? "<none>",
                c.RejectedBy is null ? c.Reason ?? "" : $"{c.RejectedBy}: {c.Reason}",
            ]);
            text.Append(TableWriter.Format(["CLUSTER", "VERDICT", "SCORE", "REPLICAS", "REASON"], rows));
            text.Append(result.Failure is { } failure
                ? $"Result: {failure.Reason}: {failure.Message}\n"
                : $"Result: Scheduled to {string.Join(", ", result.TargetClusters.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} ({t.Replicas})")))}\n");
        }

        return text.ToString();
    }

    public static JsonObject Document(IReadOnlyList<SimulationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new JsonObject { ["results"] = new JsonArray(results.Select(r => (JsonNode?)ToJson(r)).ToArray()) };
    }

    private static JsonObject ToJson(SimulationResult result)
    {
        var node = new JsonObject
        {
            ["binding"] = new JsonObject { ["name"] = result.BindingName, ["namespace"] = result.Namespace },
            ["replicas"] = result.Replicas,
            ["scheduled"] = result.Failure is null,
            ["targetClusters"] = new JsonArray(result.TargetClusters.Select(t => (JsonNode?)new JsonObject { ["name"] = t.Name, ["replicas"] = t.Replicas }).ToArray()),
            ["clusters"] = new JsonArray(result.Clusters.Select(c =>
            {
                var cluster = new JsonObject { ["name"] = c.Cluster, ["verdict"] = c.Verdict };
                Set(cluster, "rejectedBy", c.RejectedBy);
                Set(cluster, "reason", c.Reason);
                if (c.Score is { } score)
                {
                    cluster["score"] = score;
                }

                if (c.Replicas is { } replicas)
                {
                    cluster["replicas"] = replicas;
                }

                return (JsonNode?)cluster;
            }).ToArray()),
        };
        if (result.Failure is { } failure)
        {
            node["failure"] = new JsonObject { ["reason"] = failure.Reason, ["message"] = failure.Message };
        }

        return node;
    }

    private static void Set(JsonObject obj, string key, string? value)
    {
        if (value is not null)
        {
            obj[key] = value;
        }
    }
}
