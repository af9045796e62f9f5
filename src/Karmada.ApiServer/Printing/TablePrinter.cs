using System.Text.Json.Nodes;
using Karmada.ApiServer.Resources;

namespace Karmada.ApiServer.Printing;

/// <summary>
/// Server-side printing: builds <c>meta.k8s.io/v1</c> Tables with NAME, the resource's columns and AGE, with
/// <c>rows[].object</c> as PartialObjectMetadata (kubectl needs its metadata for -A and --show-labels).
/// </summary>
public static class TablePrinter
{
    private static readonly string NameDescription = "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";
    private static readonly string AgeDescription = "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.";

    public static JsonObject Build(ResourceDefinition resource, IEnumerable<JsonObject> objects, string includeObject, DateTimeOffset now, string? resourceVersion, string? continueToken, bool includeColumns = true)
    {
        var columns = Columns(resource);
        var table = new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = resourceVersion ?? "",
                ["continue"] = continueToken ?? "",
            },
        };
        if (includeColumns)
        {
            table["columnDefinitions"] = new JsonArray(columns.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["type"] = c.Type,
                ["format"] = c.Format,
                ["description"] = c.Description,
                ["priority"] = c.Priority,
            }).ToArray());
        }

        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            rows.Add(Row(obj, columns, includeObject, now, !resource.IsCustom));
        }

        table["rows"] = rows;
        return table;
    }

    public static IReadOnlyList<PrinterColumn> Columns(ResourceDefinition resource)
    {
        var columns = new List<PrinterColumn>();
        var custom = resource.PrinterColumns;
        if (!custom.Any(c => c.Name.Equals("Name", StringComparison.OrdinalIgnoreCase)))
        {
            columns.Add(new PrinterColumn("Name", "string", ".metadata.name", 0, NameDescription, "name"));
        }

        columns.AddRange(custom);
        if (!custom.Any(c => c.Name.Equals("Age", StringComparison.OrdinalIgnoreCase) || c.Name.Equals("Created At", StringComparison.OrdinalIgnoreCase)))
        {
            // CRDs place AGE where they declare it; built-in printers end with it unless they ordered it explicitly.
            var wideStart = columns.FindIndex(c => c.Priority > 0);
            var age = new PrinterColumn("Age", "date", ".metadata.creationTimestamp", 0, AgeDescription);
            if (wideStart >= 0)
            {
                columns.Insert(wideStart, age);
            }
            else
            {
                columns.Add(age);
            }
        }

        return columns;
    }

    private static JsonObject Row(JsonObject obj, IReadOnlyList<PrinterColumn> columns, string includeObject, DateTimeOffset now, bool zeroForMissing)
    {
        var cells = new JsonArray();
        foreach (var column in columns)
        {
            cells.Add(Cell(obj, column, now, zeroForMissing));
        }

        var row = new JsonObject { ["cells"] = cells };
        switch (includeObject)
        {
            case "None":
                break;
            case "Object":
                row["object"] = obj.DeepClone();
                break;
            default:
                row["object"] = new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = obj["metadata"]?.DeepClone(),
                };
                break;
        }

        return row;
    }

    private static JsonNode? Cell(JsonObject obj, PrinterColumn column, DateTimeOffset now, bool zeroForMissing)
    {
        if (column.Compute is { } compute)
        {
            return ToNode(compute(obj, now));
        }

        var matches = JsonPathExpression.Evaluate(obj, column.JsonPath);
        var first = matches.Count > 0 ? matches[0] : null;
        if (column.Type == "date")
        {
            return first is JsonValue v && v.TryGetValue<string>(out var timestamp) ? HumanDuration.Since(timestamp, now) : "<unknown>";
        }

        if (first is null)
        {
            return column.Type is "integer" or "number" ? (zeroForMissing ? JsonValue.Create(0) : null) : "";
        }

        if (column.Type is "integer" or "number" or "boolean")
        {
            return first.DeepClone();
        }

        return string.Join(",", matches.Where(m => m is not null).Select(JsonPathExpression.Render));
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node,
        string s => JsonValue.Create(s),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        bool b => JsonValue.Create(b),
        _ => JsonValue.Create(value.ToString()),
    };
}
