using System.Text.Json.Nodes;

namespace Karmada.Api.Tests;

/// <summary>Access to the JSON manifests under <c>testdata/</c>.</summary>
internal static class TestData
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "testdata");

    public static IEnumerable<string> ManifestFiles() =>
        Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static string Read(string file) => File.ReadAllText(Path.Combine(Folder, file));

    public static JsonObject ReadNode(string file) => JsonNode.Parse(Read(file))!.AsObject();
}
