using System.Reflection;
using System.Text.Json.Nodes;

namespace Karmada.Vectors.Tests;

/// <summary>
/// Loads the vector files from the folder named by <c>KARMADA_VECTORS</c> (default: the copy shipped beside the
/// tests) and finds the handler for each case's <c>input.function</c>.
/// </summary>
public static class VectorCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, MethodInfo>> Handlers = new(FindHandlers);

    public static string Folder =>
        Environment.GetEnvironmentVariable("KARMADA_VECTORS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "vectors");

    /// <summary>Every case of every <c>*.json</c> file as (file, index, name) rows, one test case each.</summary>
    public static IEnumerable<object[]> Cases()
    {
        foreach (var file in Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            var cases = JsonNode.Parse(File.ReadAllText(file))!.AsArray();
            for (var i = 0; i < cases.Count; i++)
            {
                yield return [Path.GetFileName(file), i, (string?)cases[i]!["name"] ?? $"#{i}"];
            }
        }
    }

    public static JsonObject Load(string file, int index) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))!.AsArray()[index]!.AsObject();

    public static MethodInfo? HandlerFor(string function) =>
        Handlers.Value.TryGetValue(function, out var method) ? method : null;

    private static Dictionary<string, MethodInfo> FindHandlers()
    {
        var handlers = new Dictionary<string, MethodInfo>(StringComparer.Ordinal);
        var methods = typeof(VectorCatalog).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static));
        foreach (var method in methods)
        {
            foreach (var attribute in method.GetCustomAttributes<VectorFunctionAttribute>())
            {
                if (!handlers.TryAdd(attribute.Function, method))
                {
                    throw new InvalidOperationException($"Two handlers for vector function {attribute.Function}");
                }
            }
        }

        return handlers;
    }
}
