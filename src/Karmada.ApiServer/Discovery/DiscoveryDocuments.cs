using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Karmada.ApiServer.Registry;
using Karmada.ApiServer.Resources;

namespace Karmada.ApiServer.Discovery;

/// <summary>
/// Legacy (<c>APIVersions</c>, <c>APIGroupList</c>, <c>APIResourceList</c>) and aggregated
/// (<c>APIGroupDiscoveryList</c> v2 and v2beta1) discovery documents, rebuilt when the catalog changes.
/// </summary>
public sealed class DiscoveryDocuments(ResourceCatalog catalog, string serverAddress)
{
    private readonly Lock _gate = new();
    private long _generation = -1;
    private Dictionary<string, JsonObject> _cache = [];

    // Keyed by the cached document itself: a catalog change builds a new document, and the old bytes go with the old one.
    private readonly ConditionalWeakTable<JsonObject, SerializedDiscoveryDocument> _serialized = [];

    public JsonObject ApiVersions() => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public JsonObject ApiGroupList() => Cached("groups", () =>
    {
        var groups = new JsonArray();
        foreach (var (group, versions) in catalog.Groups().Where(g => g.Group.Length > 0))
        {
            groups.Add(GroupJson(group, versions));
        }

        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    });

    public JsonObject? ApiGroup(string group)
    {
        var entry = catalog.Groups().FirstOrDefault(g => g.Group == group);
        if (entry.Group is null)
        {
            return null;
        }

        var json = GroupJson(entry.Group, entry.Versions);
        json["kind"] = "APIGroup";
        json["apiVersion"] = "v1";
        return json;
    }

    public JsonObject? ResourceList(string group, string version)
    {
        if (!catalog.ServesGroupVersion(group, version))
        {
            return null;
        }

        return Cached($"rl/{group}/{version}", () =>
        {
            var resources = new JsonArray();
            foreach (var d in catalog.InGroupVersion(group, version))
            {
                var entry = new JsonObject
                {
                    ["name"] = d.Plural,
                    ["singularName"] = d.Singular,
                    ["namespaced"] = d.Namespaced,
                    ["kind"] = d.Kind,
                    ["verbs"] = Strings(d.Verbs),
                };
                if (d.ShortNames.Count > 0)
                {
                    entry["shortNames"] = Strings(d.ShortNames);
                }

                if (d.Categories.Count > 0)
                {
                    entry["categories"] = Strings(d.Categories);
                }

                resources.Add(entry);
                if (PodBindingSubresource.IsServedBy(d))
                {
                    resources.Add(new JsonObject { ["name"] = d.Plural + "/" + PodBindingSubresource.Name, ["singularName"] = "", ["namespaced"] = d.Namespaced, ["kind"] = "Binding", ["verbs"] = Strings(["create"]) });
                }

                if (d.HasStatus)
                {
                    resources.Add(new JsonObject { ["name"] = d.Plural + "/status", ["singularName"] = "", ["namespaced"] = d.Namespaced, ["kind"] = d.Kind, ["verbs"] = Strings(["get", "patch", "update"]) });
                }

                if (d.Scale is not null)
                {
                    resources.Add(new JsonObject { ["name"] = d.Plural + "/scale", ["singularName"] = "", ["namespaced"] = d.Namespaced, ["group"] = "autoscaling", ["version"] = "v1", ["kind"] = "Scale", ["verbs"] = Strings(["get", "patch", "update"]) });
                }

                if (SchedulingSubresource.IsServedBy(d))
                {
                    resources.Add(new JsonObject { ["name"] = d.Plural + "/" + SchedulingSubresource.Name, ["singularName"] = "", ["namespaced"] = d.Namespaced, ["kind"] = d.Kind, ["verbs"] = Strings(["get", "patch", "update"]) });
                }

                if (d.Group.Length == 0 && d.Plural == "namespaces")
                {
                    resources.Add(new JsonObject { ["name"] = "namespaces/finalize", ["singularName"] = "", ["namespaced"] = false, ["kind"] = "Namespace", ["verbs"] = Strings(["update"]) });
                }
            }

            return new JsonObject
            {
                ["kind"] = "APIResourceList",
                ["apiVersion"] = "v1",
                ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
                ["resources"] = resources,
            };
        });
    }

    /// <summary>The aggregated document for <c>/api</c> (core only) or <c>/apis</c> (every other group).</summary>
    public JsonObject Aggregated(bool core, string discoveryVersion) => Cached($"agg/{core}/{discoveryVersion}", () =>
    {
        var items = new JsonArray();
        foreach (var (group, versions) in catalog.Groups().Where(g => (g.Group.Length == 0) == core))
        {
            var versionItems = new JsonArray();
            foreach (var version in versions)
            {
                var resources = new JsonArray();
                foreach (var d in catalog.InGroupVersion(group, version))
                {
                    var entry = new JsonObject
                    {
                        ["resource"] = d.Plural,
                        ["responseKind"] = new JsonObject { ["group"] = d.Group, ["version"] = d.Version, ["kind"] = d.Kind },
                        ["scope"] = d.Namespaced ? "Namespaced" : "Cluster",
                        ["singularResource"] = d.Singular,
                        ["verbs"] = Strings(d.Verbs),
                    };
                    if (d.ShortNames.Count > 0)
                    {
                        entry["shortNames"] = Strings(d.ShortNames);
                    }

                    if (d.Categories.Count > 0)
                    {
                        entry["categories"] = Strings(d.Categories);
                    }

                    var subresources = new JsonArray();
                    if (PodBindingSubresource.IsServedBy(d))
                    {
                        subresources.Add(new JsonObject { ["subresource"] = PodBindingSubresource.Name, ["responseKind"] = new JsonObject { ["group"] = "", ["version"] = "v1", ["kind"] = "Binding" }, ["verbs"] = Strings(["create"]) });
                    }

                    if (d.HasStatus)
                    {
                        subresources.Add(new JsonObject { ["subresource"] = "status", ["responseKind"] = new JsonObject { ["group"] = d.Group, ["version"] = d.Version, ["kind"] = d.Kind }, ["verbs"] = Strings(["get", "patch", "update"]) });
                    }

                    if (d.Scale is not null)
                    {
                        subresources.Add(new JsonObject { ["subresource"] = "scale", ["responseKind"] = new JsonObject { ["group"] = "autoscaling", ["version"] = "v1", ["kind"] = "Scale" }, ["verbs"] = Strings(["get", "patch", "update"]) });
                    }

                    if (SchedulingSubresource.IsServedBy(d))
                    {
                        subresources.Add(new JsonObject { ["subresource"] = SchedulingSubresource.Name, ["responseKind"] = new JsonObject { ["group"] = d.Group, ["version"] = d.Version, ["kind"] = d.Kind }, ["verbs"] = Strings(["get", "patch", "update"]) });
                    }

                    if (subresources.Count > 0)
                    {
                        entry["subresources"] = subresources;
                    }

                    resources.Add(entry);
                }

                versionItems.Add(new JsonObject { ["version"] = version, ["resources"] = resources, ["freshness"] = "Current" });
            }

            items.Add(new JsonObject { ["metadata"] = new JsonObject { ["name"] = group }, ["versions"] = versionItems });
        }

        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = $"apidiscovery.k8s.io/{discoveryVersion}",
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        };
    });

    /// <summary><see cref="Aggregated"/> serialized once per catalog change, with its ETag.</summary>
    public SerializedDiscoveryDocument AggregatedSerialized(bool core, string discoveryVersion) =>
        _serialized.GetValue(Aggregated(core, discoveryVersion), static document =>
        {
            var bytes = ObjectJson.Serialize(document);
            return new SerializedDiscoveryDocument(bytes, $"\"{Convert.ToHexString(SHA256.HashData(bytes))}\"");
        });

    private static JsonObject GroupJson(string group, IReadOnlyList<string> versions)
    {
        var list = new JsonArray(versions.Select(v => (JsonNode)new JsonObject { ["groupVersion"] = $"{group}/{v}", ["version"] = v }).ToArray());
        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = list,
            ["preferredVersion"] = new JsonObject { ["groupVersion"] = $"{group}/{versions[0]}", ["version"] = versions[0] },
        };
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private JsonObject Cached(string key, Func<JsonObject> build)
    {
        lock (_gate)
        {
            if (_generation != catalog.Generation)
            {
                _cache = [];
                _generation = catalog.Generation;
            }

            if (!_cache.TryGetValue(key, out var doc))
            {
                doc = build();
                _cache[key] = doc;
            }

            return doc;
        }
    }
}
