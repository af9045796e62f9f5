using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Karmada.Cli.Output;

namespace Karmada.Cli.Describe;

/// <summary>
/// The text of <c>karmadactl describe</c>: where the object lives, its identity, the object itself as indented YAML
/// (status included) and the events about it in the member, oldest first, in kubectl's event table.
/// </summary>
public static class ObjectDescriber
{
    public static string Describe(string cluster, JsonObject obj, IEnumerable<JsonObject> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(events);
        var metadata = obj["metadata"] as JsonObject;
        var text = new StringBuilder();
        Field(text, "Cluster", cluster);
        Field(text, "Name", (string?)metadata?["name"]);
        if ((string?)metadata?["namespace"] is { Length: > 0 } ns)
        {
            Field(text, "Namespace", ns);
        }

        Field(text, "Kind", (string?)obj["kind"]);
        Field(text, "API Version", (string?)obj["apiVersion"]);
        Field(text, "Adoption", Get.MultiClusterTable.IsManaged(metadata) ? "Y (managed by Karmada)" : "N");
        text.Append("Object:\n");
        foreach (var line in ObjectPrinter.ToYaml(WithoutManagedFields(obj)).TrimEnd('\n').Split('\n'))
        {
            text.Append("  ").Append(line).Append('\n');
        }

        var ordered = events.OrderBy(e => Timestamp(e) ?? DateTimeOffset.MinValue).ToList();
        if (ordered.Count == 0)
        {
            text.Append("Events:  <none>\n");
            return text.ToString();
        }

        text.Append("Events:\n");
        var rows = ordered.Select(e => (IReadOnlyList<string>)
        [
            (string?)e["type"] ?? "",
            (string?)e["reason"] ?? "",
            Timestamp(e) is { } at ? HumanDuration.Format(now - at) : "<unknown>",
            (string?)e["source"]?["component"] ?? (string?)e["reportingComponent"] ?? "",
            ((string?)e["message"] ?? "").Trim(),
        ]);
        foreach (var line in TableWriter.Format(["Type", "Reason", "Age", "From", "Message"], rows).TrimEnd('\n').Split('\n'))
        {
            text.Append("  ").Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Whether an event is about <paramref name="obj"/> (same kind and name, and uid when both have one).</summary>
    public static bool IsAbout(JsonObject @event, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(obj);
        var involved = @event["involvedObject"] ?? @event["regarding"];
        var uid = (string?)obj["metadata"]?["uid"];
        var involvedUid = (string?)involved?["uid"];
        return (string?)involved?["name"] == (string?)obj["metadata"]?["name"]
            && (string?)involved?["kind"] == (string?)obj["kind"]
            && (string.IsNullOrEmpty(uid) || string.IsNullOrEmpty(involvedUid) || uid == involvedUid);
    }

    private static JsonObject WithoutManagedFields(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        (copy["metadata"] as JsonObject)?.Remove("managedFields");
        return copy;
    }

    private static DateTimeOffset? Timestamp(JsonObject e)
    {
        foreach (var field in new[] { "lastTimestamp", "eventTime", "firstTimestamp" })
        {
            if ((string?)e[field] is { Length: > 0 } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return at;
            }
        }

        return (string?)e["metadata"]?["creationTimestamp"] is { Length: > 0 } created
            && DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var c) ? c : null;
    }

    private static void Field(StringBuilder text, string label, string? value) =>
        text.Append((label + ":").PadRight(14)).Append(string.IsNullOrEmpty(value) ? "<none>" : value).Append('\n');
}
