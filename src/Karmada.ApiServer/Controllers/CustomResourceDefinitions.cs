using System.Text.Json.Nodes;
using Karmada.ApiServer.Resources;

namespace Karmada.ApiServer.Controllers;

/// <summary>Turns a CustomResourceDefinition into the <see cref="ResourceDefinition"/>s of its served versions.</summary>
public static class CustomResourceDefinitions
{
    public static IEnumerable<ResourceDefinition> ToDefinitions(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject ?? [];
        var names = spec["names"] as JsonObject ?? [];
        var group = (string?)spec["group"] ?? "";
        var kind = (string?)names["kind"] ?? "";
        var plural = (string?)names["plural"] ?? "";
        var namespaced = (string?)spec["scope"] != "Cluster";
        foreach (var version in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (version["served"] is JsonValue served && served.TryGetValue<bool>(out var isServed) && !isServed)
            {
                continue;
            }

            var subresources = version["subresources"] as JsonObject;
            ScaleSubresource? scale = null;
            if (subresources?["scale"] is JsonObject s)
            {
                scale = new ScaleSubresource(
                    (string?)s["specReplicasPath"] ?? ".spec.replicas",
                    (string?)s["statusReplicasPath"] ?? ".status.replicas",
                    (string?)s["labelSelectorPath"]);
            }

            var columns = (version["additionalPrinterColumns"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(c => new PrinterColumn(
                    (string?)c["name"] ?? "",
                    (string?)c["type"] ?? "string",
                    (string?)c["jsonPath"] ?? "",
                    c["priority"] is JsonValue p && p.TryGetValue<int>(out var priority) ? priority : 0,
                    (string?)c["description"] ?? "",
                    (string?)c["format"] ?? ""))
                .ToList();
            yield return new ResourceDefinition
            {
                Group = group,
                Version = (string?)version["name"] ?? "",
                Kind = kind,
                Plural = plural,
                Singular = (string?)names["singular"] ?? kind.ToLowerInvariant(),
                Namespaced = namespaced,
                ShortNames = Strings(names["shortNames"]),
                Categories = Strings(names["categories"]),
                HasStatus = subresources?["status"] is not null,
                Scale = scale,
                IsCustom = true,
                Schema = version["schema"]?["openAPIV3Schema"]?.DeepClone() as JsonObject,
                PrinterColumns = columns,
            };
        }
    }

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(v => (string?)v ?? "").Where(v => v.Length > 0).ToList();
}
