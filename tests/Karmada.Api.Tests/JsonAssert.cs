using System.Text.Json;
using System.Text.Json.Nodes;

namespace Karmada.Api.Tests;

/// <summary>Compares parsed JSON trees (member order ignored), failing with the path of the first difference.</summary>
internal static class JsonAssert
{
    public static void Equivalent(JsonNode? expected, JsonNode? actual)
    {
        var difference = FindDifference(expected, actual, "$");
        if (difference is not null)
        {
            Assert.Fail($"{difference}\nexpected: {expected?.ToJsonString()}\nactual:   {actual?.ToJsonString()}");
        }
    }

    public static void Equivalent(string expectedJson, string actualJson) =>
        Equivalent(JsonNode.Parse(expectedJson), JsonNode.Parse(actualJson));

    private static string? FindDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: expected {Show(expected)}, got {Show(actual)}";
        }

        switch (expected)
        {
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject)
                {
                    return $"{path}: expected an object, got {Show(actual)}";
                }

                foreach (var (name, value) in expectedObject)
                {
                    if (!actualObject.TryGetPropertyValue(name, out var other))
                    {
                        return $"{path}.{name}: missing";
                    }

                    var inner = FindDifference(value, other, $"{path}.{name}");
                    if (inner is not null)
                    {
                        return inner;
                    }
                }

                var extra = actualObject.Select(p => p.Key).FirstOrDefault(k => !expectedObject.ContainsKey(k));
                return extra is null ? null : $"{path}.{extra}: unexpected ({Show(actualObject[extra])})";

            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray)
                {
                    return $"{path}: expected an array, got {Show(actual)}";
                }

                if (expectedArray.Count != actualArray.Count)
                {
                    return $"{path}: expected {expectedArray.Count} items, got {actualArray.Count}";
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    var inner = FindDifference(expectedArray[i], actualArray[i], $"{path}[{i}]");
                    if (inner is not null)
                    {
                        return inner;
                    }
                }

                return null;

            default:
                var same = expected.GetValueKind() == actual.GetValueKind()
                    && (expected.GetValueKind() == JsonValueKind.Number
                        ? expected.ToJsonString() == actual.ToJsonString()
                        : JsonNode.DeepEquals(expected, actual));
                return same ? null : $"{path}: expected {Show(expected)}, got {Show(actual)}";
        }
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "absent/null";
}
