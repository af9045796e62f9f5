using System.Text.Json.Nodes;

namespace Karmada.Controllers.Dependencies;

/// <summary>
/// JSON patch (RFC 6902) operations as the dependencies distributor writes them. A <c>test</c> against
/// <c>null</c> passes for a missing member (evanphx/json-patch, which kube-apiserver uses, and our API server alike),
/// so it doubles as "is absent".
/// </summary>
internal static class BindingPatchOps
{
    public static JsonObject Test(string path, JsonNode? value) => new() { ["op"] = "test", ["path"] = path, ["value"] = value };

    public static JsonObject Add(string path, JsonNode? value) => new() { ["op"] = "add", ["path"] = path, ["value"] = value };

    public static JsonObject Replace(string path, JsonNode? value) => new() { ["op"] = "replace", ["path"] = path, ["value"] = value };

    public static JsonObject Remove(string path) => new() { ["op"] = "remove", ["path"] = path };

    /// <summary>A map key as a JSON pointer token (RFC 6901: <c>~</c> and <c>/</c> escaped).</summary>
    public static string Token(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>A string that is absent when empty, as the API types serialize it (<c>omitempty</c>).</summary>
    public static JsonNode? OmitEmpty(string? value) => string.IsNullOrEmpty(value) ? null : JsonValue.Create(value);
}
