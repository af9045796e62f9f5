using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Json;
using Karmada.Policy.Selection;

namespace Karmada.Policy.Overrides;

/// <summary>
/// The JSON patches of a command or args overrider (upstream <c>commandargsoverride.go</c>): for every container with
/// the overrider's name, <c>add</c> appends the values and <c>remove</c> drops every occurrence of them; the whole
/// list is written back (<c>replace</c>, or <c>add</c> when the container had none).
/// </summary>
public static class CommandArgsOverriderPatches
{
    /// <summary>The container field patched by command overriders.</summary>
    public const string CommandField = "command";

    /// <summary>The container field patched by args overriders.</summary>
    public const string ArgsField = "args";

    /// <summary>Builds the patches for <paramref name="target"/> (<c>command</c> or <c>args</c>).</summary>
    public static IReadOnlyList<JsonPatchOperation> Build(string target, JsonObject obj, CommandArgsOverrider overrider)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(overrider);
        var prefix = WorkloadKinds.CommandArgsPodSpecPrefix(UnstructuredFields.GetKind(obj));
        if (prefix is null)
        {
            return [];
        }

        JsonNode? node = obj;
        foreach (var segment in (prefix + "/containers").Trim('/').Split('/'))
        {
            if (node is not JsonObject parent || !parent.TryGetPropertyValue(segment, out node) || node is null)
            {
                return [];
            }
        }

        if (node is not JsonArray containers)
        {
            throw new OverrideException($"failed to retrieves path({prefix.TrimStart('/')}/containers) from rawObj, error: not a list");
        }

        var patches = new List<JsonPatchOperation>();
        for (var index = 0; index < containers.Count; index++)
        {
            if (containers[index] is not JsonObject container || !IsName(container["name"], overrider.ContainerName))
            {
                continue;
            }

            var path = string.Create(CultureInfo.InvariantCulture, $"{prefix}/containers/{index}/{target}");
            if (container[target] is null)
            {
                patches.Add(new JsonPatchOperation("add", path, ToArray(Override([], overrider))));
                continue;
            }

            var current = container[target] is JsonArray values
                ? values.Select(FormatItem).ToList()
                : throw new OverrideException($"the {target} of container {overrider.ContainerName} is not a list");
            patches.Add(new JsonPatchOperation("replace", path, ToArray(Override(current, overrider))));
        }

        return patches;
    }

    private static List<string> Override(List<string> current, CommandArgsOverrider overrider) => overrider.Operator switch
    {
        OverriderOperator.Add => [.. current, .. overrider.Value],
        OverriderOperator.Remove => current.Where(v => !overrider.Value.Contains(v)).ToList(),
        _ => current,
    };

    private static JsonArray ToArray(List<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static bool IsName(JsonNode? node, string name) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == name;

    // Upstream formats each item with %s; strings are the only sensible content.
    private static string FormatItem(JsonNode? item) =>
        item is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : item?.ToJsonString() ?? "";
}
